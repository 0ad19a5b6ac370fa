using CustomerCare.Core;
using CustomerCare.Kvp.History;
using CustomerCare.Kvp.Metrics;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerCare.Kvp.Tests.Metrics;

/// <summary>Checks the streaming metrics against a slow model that sees each concern's whole life at once.</summary>
public class KvpMetricsAccumulatorModelTests
{
    /// <summary>One generated concern: opening hour, then hours of resolve/reopen steps, and whether it is closed.</summary>
    public sealed record Life(int OpenedAt, int[] Steps, bool Closed);

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Snapshot_AgreesWithWholeLifeModel()
    {
        var life = Gen.Choose(0, 200).SelectMany(opened =>
            Gen.Choose(1, 48).ArrayOf().SelectMany(steps =>
                Gen.Elements(true, false).Select(closed => new Life(opened, [.. steps.Take(5)], closed))));
        return Prop.ForAll(life.ArrayOf().Where(l => l.Length > 0).ToArbitrary(), lives =>
        {
            var history = new History();
            var records = new List<(Instant At, int Order, ConcernEvent Event)>();
            foreach (var concern in lives)
            {
                var id = history.NewConcern();
                var at = History.At(concern.OpenedAt);
                records.Add((at, 0, ConcernEvent.Opened(id, at, default, Channel.Email)));
                for (var i = 0; i < concern.Steps.Length; i++)
                {
                    at = at.Plus(Duration.FromHours(concern.Steps[i]));
                    records.Add((at, 1, i % 2 == 0 ? ConcernEvent.Resolved(id, at) : ConcernEvent.Reopened(id, at)));
                }

                if (concern.Closed && concern.Steps.Length % 2 == 1)
                {
                    records.Add((at.Plus(Duration.FromHours(1)), 2, ConcernEvent.Closed(id, at.Plus(Duration.FromHours(1)))));
                }
            }

            var sut = new KvpMetricsAccumulator(new KvpMetricsOptions());
            foreach (var record in records.OrderBy(r => r.At).ThenBy(r => r.Order))
            {
                sut.Add(record.Event);
            }

            var snapshot = sut.Snapshot(History.At(10_000));

            var resolved = lives.Where(l => l.Steps.Length > 0).ToList();
            var firstHours = resolved.Select(l => (double)l.Steps[0]).ToList();
            var reopened = lives.Count(l => l.Steps.Length > 1);
            var closed = lives.Where(l => l.Closed && l.Steps.Length % 2 == 1).ToList();
            var fullHours = closed.Select(l => (double)l.Steps.Sum()).ToList();
            var unresolved = lives.Count(l => l.Steps.Length % 2 == 0);

            return snapshot.FirstResolutionTime.Calendar.Count == resolved.Count
                && Close(snapshot.FirstResolutionTime.Calendar.Mean, firstHours)
                && snapshot.ReopenRate == new Ratio(reopened, resolved.Count)
                && snapshot.FullResolutionTime.Calendar.Count == closed.Count
                && Close(snapshot.FullResolutionTime.Calendar.Mean, fullHours)
                && snapshot.UnresolvedConcerns == unresolved
                && snapshot.Backlog[^1].Open == unresolved
                && snapshot.TotalBadRecords == 0;
        });
    }

    private static bool Close(Duration? mean, List<double> hours) =>
        hours.Count == 0 ? mean is null : Math.Abs(mean!.Value.TotalHours - hours.Average()) < 1e-6;
}
