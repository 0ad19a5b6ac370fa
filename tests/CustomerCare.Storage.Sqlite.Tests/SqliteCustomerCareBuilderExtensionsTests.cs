using CustomerCare.Core;
using CustomerCare.DueWork;
using CustomerCare.Sop;
using CustomerCare.Testing;
using CustomerCare.Testing.Sop;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Storage.Sqlite.Tests;

public sealed class SqliteCustomerCareBuilderExtensionsTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task UseSqlite_RegistersEveryStore()
    {
        await using var host = CustomerCareTestHost.Create(b => b.UseSqlite(_database.ConnectionString));

        Assert.IsType<SqliteWorkQueue>(host.Services.GetRequiredService<IWorkQueue>());
        var store = Assert.IsType<SqliteConcernSnapshotStore>(host.Services.GetRequiredService<IConcernSnapshotStore>());
        Assert.Null(await store.FindAsync(new ConcernId(TestIdFactory.ValueFor(1)), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UseSqlite_HostStoreRegisteredFirst_Wins()
    {
        var own = new InMemoryConcernSnapshotStore();

        await using var host = CustomerCareTestHost.Create(b =>
        {
            b.Services.AddSingleton<IConcernSnapshotStore>(own);
            b.UseSqlite(_database.ConnectionString);
        });

        Assert.Same(own, host.Services.GetRequiredService<IConcernSnapshotStore>());
    }
}
