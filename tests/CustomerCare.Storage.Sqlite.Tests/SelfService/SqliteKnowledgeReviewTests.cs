using CustomerCare.SelfService;
using CustomerCare.Storage.Tests;

namespace CustomerCare.Storage.Sqlite.Tests.SelfService;

public sealed class SqliteKnowledgeReviewTests : KnowledgeReviewStorageTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    protected override (IKnowledgeStore Articles, IKnowledgeCandidateStore Candidates) CreateInstance() =>
        (new SqliteKnowledgeStore(_database.Options, TemporaryDatabase.Clock), new SqliteKnowledgeCandidateStore(_database.Options, TemporaryDatabase.Clock));

    public void Dispose() => _database.Dispose();
}
