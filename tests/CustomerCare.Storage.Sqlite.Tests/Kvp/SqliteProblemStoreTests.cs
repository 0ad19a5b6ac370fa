using CustomerCare.Kvp.Problems;
using CustomerCare.Testing;
using CustomerCare.Testing.Kvp;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite.Tests.Kvp;

public sealed class SqliteProblemStoreTests : ProblemStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task SaveAsync_IndexesConcernsOnce()
    {
        var store = CreateStore();
        var ids = new TestIdFactory();
        var (first, second) = (ids.NextConcernId(), ids.NextConcernId());
        var problem = ProblemRecord.Open(new ProblemId(TestIdFactory.ValueFor(1)), "Reset mails missing", ProblemOrigin.Signal, Instant.FromUtc(2026, 3, 2, 9, 0))
            .WithConcern(first);

        var saved = await store.SaveAsync(problem, 0, TestContext.Current.CancellationToken);
        await store.SaveAsync(saved.WithConcern(second), 1, TestContext.Current.CancellationToken);

        Assert.Equal(
            [first.ToString(), second.ToString()],
            await ColumnAsync("SELECT concern_id FROM cc_kvp_problem_concerns ORDER BY concern_id"));
    }

    [Fact]
    public async Task FindAsync_ClosedRecordWithoutLinks_ReadsBack()
    {
        var store = CreateStore();
        var problem = ProblemRecord.Open(new ProblemId(TestIdFactory.ValueFor(1)), "Duplicate of another record", ProblemOrigin.Person, Instant.FromUtc(2026, 3, 2, 9, 0))
            .WithWorkaround("None needed.", Instant.FromUtc(2026, 3, 2, 10, 0))
            .Close();

        await store.SaveAsync(problem, 0, TestContext.Current.CancellationToken);
        var found = await store.FindAsync(problem.Id, TestContext.Current.CancellationToken);

        AssertStoredCopy(problem, found, 1);
    }

    protected override IProblemStore CreateStore() => new SqliteProblemStore(_database.Options, TemporaryDatabase.Clock);

    private async Task<List<string>> ColumnAsync(string sql)
    {
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
