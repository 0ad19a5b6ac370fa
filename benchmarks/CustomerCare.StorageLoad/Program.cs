using System.Globalization;
using CustomerCare.DueWork;
using CustomerCare.Storage.PostgreSql;
using CustomerCare.Storage.Sqlite;
using NodaTime;
using NodaTime.Text;

// Usage:
//   CustomerCare.StorageLoad work     <sqlite|postgres> <connection> <owner> <now> <lease-seconds> <delay-ms>
//       Leases due items one at a time at the fixed instant <now> (ISO, such as 2026-01-05T09:00:00Z), waits
//       <delay-ms>, completes each and prints "completed <key>" after the commit. Exits when nothing is due.
//   CustomerCare.StorageLoad schedule <sqlite|postgres> <connection> <count>
//       Schedules items item-00000 ... one transaction each and prints "scheduled <key>" after each commit.
// Every line is flushed at once, so a test that kills the process knows what was committed before.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: work <sqlite|postgres> <connection> <owner> <now> <lease-seconds> <delay-ms> | schedule <sqlite|postgres> <connection> <count>");
    return 2;
}

var clock = new FixedClock(Instant.FromUtc(2026, 1, 5, 9, 0));
IWorkQueue queue = args[1] switch
{
    "sqlite" => new SqliteWorkQueue(new SqliteStorageOptions { ConnectionString = args[2] }, clock),
    "postgres" => new PostgreSqlWorkQueue(new PostgreSqlStorageOptions { ConnectionString = args[2] }, clock),
    _ => throw new ArgumentException($"Unknown store '{args[1]}'. Use sqlite or postgres."),
};
var output = Console.Out;

switch (args[0])
{
    case "work":
    {
        var owner = args[3];
        var now = InstantPattern.ExtendedIso.Parse(args[4]).Value;
        var lease = Duration.FromSeconds(int.Parse(args[5], CultureInfo.InvariantCulture));
        var delay = TimeSpan.FromMilliseconds(int.Parse(args[6], CultureInfo.InvariantCulture));
        while (true)
        {
            var leased = await queue.LeaseAsync(now, owner, lease, 1);
            if (leased.Count == 0)
            {
                return 0;
            }

            await Task.Delay(delay);
            if (await queue.CompleteAsync(leased[0], now))
            {
                output.WriteLine($"completed {leased[0].Item.Key}");
                output.Flush();
            }
        }
    }

    case "schedule":
    {
        var count = int.Parse(args[3], CultureInfo.InvariantCulture);
        var due = clock.GetCurrentInstant();
        for (var i = 0; i < count; i++)
        {
            var key = $"item-{i:D5}";
            await queue.ScheduleAsync(new WorkItem(key, "load", due, new string('x', 200)));
            output.WriteLine($"scheduled {key}");
            output.Flush();
        }

        return 0;
    }

    default:
        Console.Error.WriteLine($"Unknown mode '{args[0]}'. Use work or schedule.");
        return 2;
}

/// <summary>A clock that always returns one instant, so runs are reproducible.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
