using CustomerCare.DueWork;
using CustomerCare.Testing.DueWork;
using NodaTime.Testing;

namespace CustomerCare.Storage.PostgreSql.Tests;

public sealed class PostgreSqlWorkQueueTests(PostgresServer server) : WorkQueueConformanceTests
{
    protected override async ValueTask<IWorkQueue> CreateQueueAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        return new PostgreSqlWorkQueue(new PostgreSqlStorageOptions { ConnectionString = connectionString }, new FakeClock(Now));
    }
}
