using System.Diagnostics;
using System.Globalization;
using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using NodaTime;

namespace CustomerCare.StorageLoad;

/// <summary>The outcome of <see cref="ConcernLoad.RunAsync"/>.</summary>
internal readonly record struct ConcernLoadResult(int Updates, int Conflicts, long Lost, TimeSpan Elapsed)
{
    public double PerSecond => Updates / Elapsed.TotalSeconds;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"updates {Updates} seconds {Elapsed.TotalSeconds:F2} per-second {PerSecond:F0} conflicts {Conflicts} lost {Lost}");
}

/// <summary>
/// Measures concern updates per second: several workers, each with its own store and so its own connections, update
/// shared concerns with read-modify-write cycles that retry on a conflict.
/// </summary>
/// <remarks>
/// Every successful update raises one concern's version by one, so the sum of the versions must grow by exactly the
/// number of successful updates; the difference is reported as lost.
/// </remarks>
internal static class ConcernLoad
{
    public static async Task<ConcernLoadResult> RunAsync(IReadOnlyList<IConcernStore> workers, int concernCount, int updates)
    {
        var before = await SumVersionsAsync(workers[0], concernCount).ConfigureAwait(false);
        var remaining = updates;
        var conflicts = 0;
        var done = 0;

        var stopwatch = Stopwatch.StartNew();
        var tasks = workers.Select((store, worker) => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var id = InteractionsWorkload.ConcernAt(random.Next(concernCount));
                while (true)
                {
                    var concern = (await store.FindAsync(id).ConfigureAwait(false))!;
                    try
                    {
                        await store.UpdateAsync(concern with { LastActivityAt = concern.LastActivityAt + Duration.FromSeconds(1) }, concern.Version).ConfigureAwait(false);
                        Interlocked.Increment(ref done);
                        break;
                    }
                    catch (ConcurrencyConflictException)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        stopwatch.Stop();

        var after = await SumVersionsAsync(workers[0], concernCount).ConfigureAwait(false);
        return new ConcernLoadResult(done, conflicts, done - (after - before), stopwatch.Elapsed);
    }

    private static async Task<long> SumVersionsAsync(IConcernStore store, int concernCount)
    {
        long sum = 0;
        for (var i = 0; i < concernCount; i++)
        {
            sum += (await store.FindAsync(InteractionsWorkload.ConcernAt(i)).ConfigureAwait(false))?.Version ?? 0;
        }

        return sum;
    }
}
