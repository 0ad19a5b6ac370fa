namespace CustomerCare.Kvp.Metrics;

/// <summary>Something the metrics decide once the stream passes an instant: a concern's window or a bot resolution's verification.</summary>
/// <remarks>One reference and the kind keep the priority queue's entries small, which matters at hundreds of thousands of entries.</remarks>
internal readonly record struct Deadline(DeadlineKind Kind, object Target)
{
    public ConcernState Concern => (ConcernState)Target;

    public PendingBotResolution Bot => (PendingBotResolution)Target;
}

/// <summary>The kinds of <see cref="Deadline"/>.</summary>
internal enum DeadlineKind
{
    FirstContactResolution,
    ForgetClosedConcern,
    BotVerification,
}
