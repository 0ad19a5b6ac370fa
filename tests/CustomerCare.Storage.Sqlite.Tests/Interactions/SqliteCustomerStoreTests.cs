using CustomerCare.Testing.Interactions;

namespace CustomerCare.Storage.Sqlite.Tests.Interactions;

public sealed class SqliteCustomerStoreTests : CustomerStoreConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    protected override CustomerCare.Interactions.Customers.ICustomerStore CreateStore() => new SqliteCustomerStore(_database.Options, TemporaryDatabase.Clock);
}
