using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Queueing;

/// <summary>One page of queue entries and the cursor for the next page.</summary>
/// <param name="Entries">The entries, in concern-identifier order.</param>
/// <param name="Next">The cursor for the next page, or <see langword="null"/> when this page is the last.</param>
public sealed record QueuePage(IReadOnlyList<QueueEntry> Entries, ConcernId? Next);
