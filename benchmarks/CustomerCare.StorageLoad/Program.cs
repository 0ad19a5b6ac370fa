using System.Globalization;
using CustomerCare.DueWork;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Storage.PostgreSql;
using CustomerCare.Storage.Sqlite;
using CustomerCare.StorageLoad;
using NodaTime;
using NodaTime.Text;

// Usage:
//   CustomerCare.StorageLoad work     <sqlite|postgres> <connection> <owner> <now> <lease-seconds> <delay-ms>
//       Leases due items one at a time at the fixed instant <now> (ISO, such as 2026-01-05T09:00:00Z), waits
//       <delay-ms>, completes each and prints "completed <key>" after the commit. Exits when nothing is due.
//   CustomerCare.StorageLoad schedule <sqlite|postgres> <connection> <count>
//       Schedules items item-00000 ... one transaction each and prints "scheduled <key>" after each commit.
//   CustomerCare.StorageLoad interactions <sqlite|postgres> <connection> <worker> <workers> <operations> <concerns> <seed>
//       Creates the workload's customer and <concerns> concerns unless they exist, applies the operations of the mixed
//       interactions workload whose index modulo <workers> is <worker>, and prints
//       "applied <n> recorded <r> duplicates <d> conflicts <c>".
//   CustomerCare.StorageLoad concern-load <sqlite|postgres> <connection> <workers> <updates> <concerns>
//       Creates the concerns unless they exist, lets <workers> workers, each with its own connection pool, make
//       <updates> concern updates in all, and prints "updates <n> seconds <s> per-second <r> conflicts <c> lost <l>".
// Every line is flushed at once, so a test that kills the process knows what was committed before.
if (args.Length < 3)
{
    Console.Error.WriteLine(
        "usage: work <sqlite|postgres> <connection> <owner> <now> <lease-seconds> <delay-ms> | schedule <sqlite|postgres> <connection> <count> | " +
        "interactions <sqlite|postgres> <connection> <worker> <workers> <operations> <concerns> <seed> | " +
        "concern-load <sqlite|postgres> <connection> <workers> <updates> <concerns>");
    return 2;
}

var clock = new FixedClock(Instant.FromUtc(2026, 1, 5, 9, 0));
var output = Console.Out;
switch (args[0])
{
    case "interactions":
    {
        var (customers, interactions, concerns) = InteractionStores(args[1], args[2], clock);
        var worker = int.Parse(args[3], CultureInfo.InvariantCulture);
        var workers = int.Parse(args[4], CultureInfo.InvariantCulture);
        var count = int.Parse(args[5], CultureInfo.InvariantCulture);
        var concernCount = int.Parse(args[6], CultureInfo.InvariantCulture);
        var seed = int.Parse(args[7], CultureInfo.InvariantCulture);
        await InteractionsWorkload.SetUpAsync(customers, concerns, concernCount);
        var counts = await InteractionsWorkload.ApplyAsync(InteractionsWorkload.Generate(count, concernCount, seed), worker, workers, concernCount, interactions, concerns);
        output.WriteLine($"applied {counts.Applied} recorded {counts.Recorded} duplicates {counts.Duplicates} conflicts {counts.Conflicts}");
        output.Flush();
        return 0;
    }

    case "concern-load":
    {
        var workers = int.Parse(args[3], CultureInfo.InvariantCulture);
        var updates = int.Parse(args[4], CultureInfo.InvariantCulture);
        var concernCount = int.Parse(args[5], CultureInfo.InvariantCulture);
        var stores = Enumerable.Range(0, workers).Select(_ => InteractionStores(args[1], args[2], clock)).ToArray();
        await InteractionsWorkload.SetUpAsync(stores[0].Customers, stores[0].Concerns, concernCount);
        var result = await ConcernLoad.RunAsync([.. stores.Select(s => s.Concerns)], concernCount, updates);
        output.WriteLine(result.ToString());
        output.Flush();
        return result.Lost == 0 ? 0 : 1;
    }
}

IWorkQueue queue = args[1] switch
{
    "sqlite" => new SqliteWorkQueue(new SqliteStorageOptions { ConnectionString = args[2] }, clock),
    "postgres" => new PostgreSqlWorkQueue(new PostgreSqlStorageOptions { ConnectionString = args[2] }, clock),
    _ => throw new ArgumentException($"Unknown store '{args[1]}'. Use sqlite or postgres."),
};
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
        Console.Error.WriteLine($"Unknown mode '{args[0]}'. Use work, schedule, interactions or concern-load.");
        return 2;
}

// Each call makes new stores. For PostgreSQL that is a new data source, so every worker has connections of its own.
static (ICustomerStore Customers, IInteractionStore Interactions, IConcernStore Concerns) InteractionStores(string kind, string connection, IClock clock) => kind switch
{
    "sqlite" => (
        new SqliteCustomerStore(new SqliteStorageOptions { ConnectionString = connection }, clock),
        new SqliteInteractionStore(new SqliteStorageOptions { ConnectionString = connection }, clock),
        new SqliteConcernStore(new SqliteStorageOptions { ConnectionString = connection }, clock)),
    "postgres" => PostgreSqlStores(new PostgreSqlStorageOptions { DataSource = Npgsql.NpgsqlDataSource.Create(connection) }, clock),
    _ => throw new ArgumentException($"Unknown store '{kind}'. Use sqlite or postgres."),
};

static (ICustomerStore Customers, IInteractionStore Interactions, IConcernStore Concerns) PostgreSqlStores(PostgreSqlStorageOptions options, IClock clock) =>
    (new PostgreSqlCustomerStore(options, clock), new PostgreSqlInteractionStore(options, clock), new PostgreSqlConcernStore(options, clock));

/// <summary>A clock that always returns one instant, so runs are reproducible.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public Instant GetCurrentInstant() => now;
}
