using CustomerCare.Testing.Interactions;

namespace CustomerCare.Storage.Sqlite.Tests.Interactions;

public sealed class SqliteInteractionStoreTests : InteractionStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override CustomerCare.Interactions.IInteractionStore CreateStore() => new SqliteInteractionStore(_database.Options, TemporaryDatabase.Clock);
}
