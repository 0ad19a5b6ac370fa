using CustomerCare.Core;
using CustomerCare.SelfService;
using CustomerCare.Testing.SelfService;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace CustomerCare.Storage.Sqlite.Tests.SelfService;

public sealed class SqliteKnowledgeCandidateStoreTests : KnowledgeCandidateStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    protected override IKnowledgeCandidateStore CreateStore() => new SqliteKnowledgeCandidateStore(_database.Options, TemporaryDatabase.Clock);

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Find_CorruptDocument_NamesCandidate()
    {
        var store = CreateStore();
        var at = Instant.FromUtc(2026, 3, 2, 9, 0);
        var candidate = await store.ProposeAsync(
            new KnowledgeCandidate(KnowledgeCandidateId.New(at), ConcernId.New(at), "Question", "Resolution", ContactReason.Parse("faq/a"), CompetenceLevel.SecondLevel, at),
            TestContext.Current.CancellationToken);
        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            var corrupt = connection.CreateCommand();
            corrupt.CommandText = "UPDATE cc_ss_candidates SET document = '{\"question\":\"only a question\"}'";
            await corrupt.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => store.FindAsync(candidate.Id, TestContext.Current.CancellationToken));

        Assert.Contains($"The stored candidate {candidate.Id} is invalid", exception.Message, StringComparison.Ordinal);
    }
}
