using CustomerCare.Testing.Interactions;

namespace CustomerCare.Storage.Sqlite.Tests.Interactions;

public sealed class SqliteConcernStoreTests : ConcernStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override CustomerCare.Interactions.Concerns.IConcernStore CreateStore() => new SqliteConcernStore(_database.Options, TemporaryDatabase.Clock);
}
