namespace CustomerCare.Kvp.Metrics;

/// <summary>Something the metrics decide once the stream passes an instant.</summary>
internal readonly record struct Deadline(DeadlineKind Kind, ConcernState? Concern, PendingBotResolution? Bot);

/// <summary>The kinds of <see cref="Deadline"/>.</summary>
internal enum DeadlineKind
{
    FirstContactResolution,
    ForgetClosedConcern,
    BotVerification,
}
