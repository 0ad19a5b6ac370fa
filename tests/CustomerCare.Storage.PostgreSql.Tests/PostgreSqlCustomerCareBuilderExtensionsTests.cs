using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using CustomerCare.DueWork;
using CustomerCare.SelfService;
using CustomerCare.Sop;
using CustomerCare.Testing;
using CustomerCare.Testing.Sop;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CustomerCare.Storage.PostgreSql.Tests;

public sealed class PostgreSqlCustomerCareBuilderExtensionsTests(PostgresServer server)
{
    [Fact]
    public async Task UsePostgreSql_RegistersEveryStore()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await using var host = CustomerCareTestHost.Create(b => b.UsePostgreSql(dataSource));

        Assert.IsType<PostgreSqlWorkQueue>(host.Services.GetRequiredService<IWorkQueue>());
        Assert.IsType<PostgreSqlKnowledgeStore>(host.Services.GetRequiredService<IKnowledgeStore>());
        Assert.IsType<PostgreSqlKnowledgeCandidateStore>(host.Services.GetRequiredService<IKnowledgeCandidateStore>());
        var store = Assert.IsType<PostgreSqlConcernSnapshotStore>(host.Services.GetRequiredService<IConcernSnapshotStore>());
        Assert.Null(await store.FindAsync(new ConcernId(TestIdFactory.ValueFor(1)), TestContext.Current.CancellationToken));
        Assert.IsType<PostgreSqlAgentDirectory>(host.Services.GetRequiredService<IAgentDirectory>());
        Assert.IsType<PostgreSqlRoutingQueueStore>(host.Services.GetRequiredService<IRoutingQueueStore>());
    }

    [Fact]
    public async Task UsePostgreSql_ServiceDesk_Starts()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await using var host = CustomerCareTestHost.Create(b => b.UsePostgreSql(dataSource));

        var desk = host.Services.GetRequiredService<ServiceDesk>();

        Assert.NotNull(desk);
        Assert.IsType<PostgreSqlSlaClockStore>(host.Services.GetRequiredService<CustomerCare.SlaTracking.ISlaClockStore>());
        Assert.IsType<PostgreSqlCustomerStore>(host.Services.GetRequiredService<CustomerCare.Interactions.Customers.ICustomerStore>());
    }

    [Fact]
    public void UsePostgreSql_HostStoreRegisteredFirst_Wins()
    {
        var own = new InMemoryConcernSnapshotStore();

        using var host = CustomerCareTestHost.Create(b =>
        {
            b.Services.AddSingleton<IConcernSnapshotStore>(own);
            b.UsePostgreSql("Host=127.0.0.1;Database=unused");
        });

        Assert.Same(own, host.Services.GetRequiredService<IConcernSnapshotStore>());
    }
}
