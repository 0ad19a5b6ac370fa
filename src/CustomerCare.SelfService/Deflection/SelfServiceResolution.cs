using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// A self-service answer that the customer accepted: a candidate deflection, which counts only if no new contact
/// about the same concern follows within the channel's window.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Conversation">The conversation that ended with the accepted answer.</param>
/// <param name="Customer">The customer, or <see langword="null"/> for an anonymous visitor, whose later contacts cannot be linked.</param>
/// <param name="Intent">The intent that was answered.</param>
/// <param name="Article">The accepted article, or <see langword="null"/> for an answer without one.</param>
/// <param name="Channel">The channel of the conversation; it selects the window.</param>
/// <param name="ResolvedAt">When the customer accepted the answer.</param>
/// <param name="Concern">The concern the conversation belonged to, when the host tracks one; <see langword="null"/> otherwise.</param>
public sealed record SelfServiceResolution(
    SelfServiceConversationId Conversation,
    CustomerId? Customer,
    ContactReason Intent,
    ArticleId? Article,
    Channel Channel,
    Instant ResolvedAt,
    ConcernId? Concern = null);
