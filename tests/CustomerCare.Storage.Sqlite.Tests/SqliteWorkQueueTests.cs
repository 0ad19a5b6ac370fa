using CustomerCare.DueWork;
using CustomerCare.Testing.DueWork;

namespace CustomerCare.Storage.Sqlite.Tests;

public sealed class SqliteWorkQueueTests : WorkQueueConformanceTests, IDisposable
{
    private readonly TemporaryDatabase _database = new();

    protected override ValueTask<IWorkQueue> CreateQueueAsync() =>
        ValueTask.FromResult<IWorkQueue>(new SqliteWorkQueue(_database.Options, TemporaryDatabase.Clock));

    public void Dispose() => _database.Dispose();
}
