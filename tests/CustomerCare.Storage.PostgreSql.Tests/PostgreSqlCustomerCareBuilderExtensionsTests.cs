using CustomerCare.Core;
using CustomerCare.DueWork;
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
        var store = Assert.IsType<PostgreSqlConcernSnapshotStore>(host.Services.GetRequiredService<IConcernSnapshotStore>());
        Assert.Null(await store.FindAsync(new ConcernId(TestIdFactory.ValueFor(1)), TestContext.Current.CancellationToken));
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
