namespace CustomerCare.Interactions.Threading;

/// <summary>One step of the threading pipeline: looks at an inbound interaction and decides, or lets the next step decide.</summary>
/// <remarks>
/// A rule only reads. The pipeline runs the rules in order and stops at the first decision that is not
/// <see cref="ThreadingDecisionKind.Continue"/>. Implementations must be safe to call from many threads.
/// </remarks>
public interface IThreadingRule
{
    /// <summary>Gets the rule's name as it appears in a threading trace, such as <c>message-reference</c>.</summary>
    string Name { get; }

    /// <summary>Decides where the interaction belongs.</summary>
    /// <param name="context">The interaction and its body text.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The decision and its reason.</returns>
    ValueTask<ThreadingDecision> DecideAsync(ThreadingContext context, CancellationToken cancellationToken = default);
}
