using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Metrics;
using NodaTime;

namespace CustomerCare.Samples.Importers;

/// <summary>The records an importer produced from one file, and every problem it found on the way.</summary>
public sealed class ImportResult
{
    public required string Source { get; init; }

    public long RowsRead { get; set; }

    public List<ConcernEvent> ConcernEvents { get; } = [];

    public List<InteractionRecord> Interactions { get; } = [];

    public List<SlaOutcomeRecord> SlaOutcomes { get; } = [];

    public List<ImportIssue> Issues { get; } = [];

    public long RowsSkipped => Issues.Where(i => i.RowSkipped).Select(i => i.Line).Distinct().LongCount();

    /// <summary>The latest instant of any record, or null without records.</summary>
    public Instant? LastInstant =>
        ConcernEvents.Select(e => e.OccurredAt).Concat(Interactions.Select(i => i.OccurredAt)).Concat(SlaOutcomes.Select(s => s.OccurredAt))
            .DefaultIfEmpty(Instant.MinValue).Max() is var last && last != Instant.MinValue ? last : null;

    /// <summary>
    /// Feeds every record to the metrics in the order they happened. At the same instant, openings come first, then
    /// interactions, then the other concern events, then SLA outcomes; records of one kind keep their file order.
    /// </summary>
    /// <remarks>
    /// A record dated before its concern's opening, such as a CFPB hand-over a day before the receipt, is fed right after
    /// the opening with its own date, so the metrics see it as out of order for that concern and report it, instead of
    /// seeing an event for a concern that does not exist yet.
    /// </remarks>
    public void Replay(KvpMetricsAccumulator metrics)
    {
        var openings = new Dictionary<ConcernId, Instant>();
        foreach (var e in ConcernEvents.Where(e => e.Kind is ConcernEventKind.Opened or ConcernEventKind.FollowUpOpened))
        {
            openings.TryAdd(e.Concern, e.OccurredAt);
        }

        Instant Effective(ConcernId concern, Instant at) =>
            openings.TryGetValue(concern, out var opened) && at < opened ? opened : at;

        var ordered = new List<(Instant At, int Rank, int Index, int Kind)>(ConcernEvents.Count + Interactions.Count + SlaOutcomes.Count);
        for (var i = 0; i < ConcernEvents.Count; i++)
        {
            var e = ConcernEvents[i];
            ordered.Add((Effective(e.Concern, e.OccurredAt), e.Kind is ConcernEventKind.Opened or ConcernEventKind.FollowUpOpened ? 0 : 2, i, 0));
        }

        for (var i = 0; i < Interactions.Count; i++)
        {
            ordered.Add((Effective(Interactions[i].Concern, Interactions[i].OccurredAt), 1, i, 1));
        }

        for (var i = 0; i < SlaOutcomes.Count; i++)
        {
            ordered.Add((Effective(SlaOutcomes[i].Concern, SlaOutcomes[i].OccurredAt), 3, i, 2));
        }

        foreach (var (_, _, index, kind) in ordered.OrderBy(o => o.At).ThenBy(o => o.Rank).ThenBy(o => o.Index))
        {
            switch (kind)
            {
                case 0:
                    metrics.Add(ConcernEvents[index]);
                    break;
                case 1:
                    metrics.Add(Interactions[index]);
                    break;
                default:
                    metrics.Add(SlaOutcomes[index]);
                    break;
            }
        }
    }
}
