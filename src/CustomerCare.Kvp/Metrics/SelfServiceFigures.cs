namespace CustomerCare.Kvp.Metrics;

/// <summary>Self-service and automation as three separate numbers that are never mixed, plus the bot hand-off rate.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="SelfServiceScore">Self-service sessions ÷ opened concerns: how often customers help themselves per case that reaches the organization.</param>
/// <param name="DeflectionRate">Self-service resolutions ÷ (self-service resolutions + opened concerns).</param>
/// <param name="VerifiedBotResolutionRate">
/// Bot conversations that ended resolved and stayed resolved through the verification window ÷ bot conversations
/// decided so far (pending verifications are left out until their window ends).
/// </param>
/// <param name="BotHandOffRate">Bot conversations handed off to a person ÷ bot conversations.</param>
/// <param name="PendingBotVerifications">Bot resolutions whose verification window has not ended at the snapshot instant.</param>
public sealed record SelfServiceFigures(
    Ratio SelfServiceScore,
    Ratio DeflectionRate,
    Ratio VerifiedBotResolutionRate,
    Ratio BotHandOffRate,
    long PendingBotVerifications);
