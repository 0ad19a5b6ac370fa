using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using CustomerCare.DueWork;
using CustomerCare.SelfService;
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
        Assert.IsType<SqliteKnowledgeStore>(host.Services.GetRequiredService<IKnowledgeStore>());
        Assert.IsType<SqliteKnowledgeCandidateStore>(host.Services.GetRequiredService<IKnowledgeCandidateStore>());
        var store = Assert.IsType<SqliteConcernSnapshotStore>(host.Services.GetRequiredService<IConcernSnapshotStore>());
        Assert.Null(await store.FindAsync(new ConcernId(TestIdFactory.ValueFor(1)), TestContext.Current.CancellationToken));
        Assert.IsType<SqliteAgentDirectory>(host.Services.GetRequiredService<IAgentDirectory>());
        Assert.IsType<SqliteRoutingQueueStore>(host.Services.GetRequiredService<IRoutingQueueStore>());
    }

    [Fact]
    public async Task UseSqlite_ServiceDesk_Starts()
    {
        await using var host = CustomerCareTestHost.Create(b => b.UseSqlite(_database.ConnectionString));

        var desk = host.Services.GetRequiredService<ServiceDesk>();

        Assert.NotNull(desk);
        Assert.IsType<SqliteSlaClockStore>(host.Services.GetRequiredService<CustomerCare.SlaTracking.ISlaClockStore>());
        Assert.IsType<SqliteCustomerStore>(host.Services.GetRequiredService<CustomerCare.Interactions.Customers.ICustomerStore>());
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
