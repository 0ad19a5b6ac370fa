using System.Collections.Immutable;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// A concern that self-service passes to a person, with everything the person needs to go on without asking again:
/// the reason, the whole transcript, the best guess of the intent and the candidates with their scores.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SelfServiceHandOff
{
    /// <summary>Initializes a new hand-off.</summary>
    /// <param name="reason">Why self-service passes the concern on.</param>
    /// <param name="conversation">The conversation, whose transcript ends with the hand-off entry.</param>
    /// <param name="at">When the hand-off happened.</param>
    /// <param name="match">The last match, or <see langword="null"/> when none was made.</param>
    /// <exception cref="ArgumentNullException"><paramref name="conversation"/> is null.</exception>
    public SelfServiceHandOff(HandOffReason reason, SelfServiceConversation conversation, Instant at, MatchResult? match)
    {
        Reason = reason;
        Conversation = Guard.NotNull(conversation);
        At = at;
        Candidates = match?.Candidates ?? [];
        Confidence = match?.Confidence ?? 0;
        Intent = match?.TopIntent;
    }

    /// <summary>Gets why self-service passes the concern on.</summary>
    public HandOffReason Reason { get; }

    /// <summary>Gets the conversation as it ended.</summary>
    public SelfServiceConversation Conversation { get; }

    /// <summary>Gets the whole transcript, oldest first.</summary>
    public ImmutableArray<TranscriptEntry> Transcript => Conversation.Transcript;

    /// <summary>Gets the customer, or <see langword="null"/> for an anonymous visitor.</summary>
    public CustomerId? Customer => Conversation.Customer;

    /// <summary>Gets when the hand-off happened.</summary>
    public Instant At { get; }

    /// <summary>Gets the best guess of the intent, or <see langword="null"/> when nothing matched.</summary>
    public ContactReason? Intent { get; }

    /// <summary>Gets the candidates of the last match with their scores, best first.</summary>
    public ImmutableArray<MatchCandidate> Candidates { get; }

    /// <summary>Gets the confidence of the last match; 0 when none was made.</summary>
    public double Confidence { get; }
}
