using CustomerCare.Sop;
using CustomerCare.Testing.Sop;

namespace CustomerCare.Testing.Tests.Sop;

public class InMemoryConcernSnapshotStoreTests : ConcernSnapshotStoreConformanceTests
{
    protected override IConcernSnapshotStore CreateStore() => new InMemoryConcernSnapshotStore();

    [Fact]
    public async Task Count_CountsConcerns()
    {
        var store = new InMemoryConcernSnapshotStore();
        var snapshot = new ConcernSnapshot(NewId(), "incident", "p", 1, "new", 1, 1, Start, Start, Start);

        await store.SaveAsync(new ConcernChange(snapshot, 0, new AuditEntry(snapshot.Id, 1, AuditKind.Started, Start, Actor.System, "p", 1, "new", "new")), TestContext.Current.CancellationToken);

        Assert.Equal(1, store.Count);
    }
}
