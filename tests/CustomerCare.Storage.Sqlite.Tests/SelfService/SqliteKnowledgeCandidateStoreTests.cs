using CustomerCare.SelfService;
using CustomerCare.Testing.SelfService;

namespace CustomerCare.Storage.Sqlite.Tests.SelfService;

public sealed class SqliteKnowledgeCandidateStoreTests : KnowledgeCandidateStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    protected override IKnowledgeCandidateStore CreateStore() => new SqliteKnowledgeCandidateStore(_database.Options, TemporaryDatabase.Clock);

    public void Dispose() => _database.Dispose();
}
