using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;

namespace CustomerCare.Interactions.Threading;

/// <summary>The decision of one threading rule, with the reason a person can read.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ThreadingDecision
{
    private ThreadingDecision(ThreadingDecisionKind kind, string reason, ConcernId? concernId, InteractionId? duplicateOf, ConcernLinkKind? linkKind)
    {
        Kind = kind;
        Reason = reason;
        ConcernId = concernId;
        DuplicateOf = duplicateOf;
        LinkKind = linkKind;
    }

    /// <summary>Gets what the rule decided.</summary>
    public ThreadingDecisionKind Kind { get; }

    /// <summary>Gets why, as a sentence without personal data, such as <c>In-Reply-To matches interaction itn_… of concern con_…</c>.</summary>
    public string Reason => field ?? string.Empty;

    /// <summary>Gets the concern to attach to, or the concern a new one links to; otherwise <see langword="null"/>.</summary>
    public ConcernId? ConcernId { get; }

    /// <summary>Gets the interaction recorded before, for <see cref="ThreadingDecisionKind.Duplicate"/>.</summary>
    public InteractionId? DuplicateOf { get; }

    /// <summary>Gets how a new concern links to <see cref="ConcernId"/>, for <see cref="ThreadingDecisionKind.StartNew"/>.</summary>
    public ConcernLinkKind? LinkKind { get; }

    /// <summary>Creates a decision to let the next rule decide.</summary>
    /// <param name="reason">Why the rule does not apply.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or white space.</exception>
    public static ThreadingDecision Continue(string reason) => new(ThreadingDecisionKind.Continue, Guard.NotNullOrWhiteSpace(reason), null, null, null);

    /// <summary>Creates a decision that the interaction was recorded before.</summary>
    /// <param name="existing">The interaction recorded before.</param>
    /// <param name="reason">Why it is a duplicate.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or white space, or <paramref name="existing"/> is default.</exception>
    public static ThreadingDecision Duplicate(InteractionId existing, string reason) =>
        new(ThreadingDecisionKind.Duplicate, Guard.NotNullOrWhiteSpace(reason), null, Guard.NotDefault(existing), null);

    /// <summary>Creates a decision that the interaction belongs to <paramref name="concernId"/>.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="reason">Why it belongs there.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or white space, or <paramref name="concernId"/> is default.</exception>
    public static ThreadingDecision Attach(ConcernId concernId, string reason) =>
        new(ThreadingDecisionKind.Attach, Guard.NotNullOrWhiteSpace(reason), Guard.NotDefault(concernId), null, null);

    /// <summary>Creates a decision to start a new concern.</summary>
    /// <param name="reason">Why a new concern starts.</param>
    /// <param name="linkTo">The concern the new one links to, or <see langword="null"/>.</param>
    /// <param name="linkKind">How it links; required with <paramref name="linkTo"/>.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is null or white space, or only one of <paramref name="linkTo"/> and <paramref name="linkKind"/> is given.</exception>
    public static ThreadingDecision StartNew(string reason, ConcernId? linkTo = null, ConcernLinkKind? linkKind = null)
    {
        if (linkTo.HasValue != linkKind.HasValue)
        {
            throw new ArgumentException("Pass both the concern to link to and the link kind, or neither.", nameof(linkKind));
        }

        return new(ThreadingDecisionKind.StartNew, Guard.NotNullOrWhiteSpace(reason), linkTo, null, linkKind);
    }
}
