using CustomerCare.Core;

namespace CustomerCare.Sop.Tests;

public class ConcernChangeTests
{
    private static readonly ConcernId Id = new(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aabb"));

    [Fact]
    public void Constructor_VersionNotNext_Throws()
    {
        var snapshot = Snapshot(3);

        var exception = Assert.Throws<ArgumentException>(() => new ConcernChange(snapshot, 1, Audit(3)));

        Assert.Contains("must write version 2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_AuditOfOtherVersion_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ConcernChange(Snapshot(2), 1, Audit(3)));
    }

    [Fact]
    public void Constructor_IntentsOutOfOrder_Throws()
    {
        var intent = new OutboxIntent(Id, 2, 1, "notify", null, "s", IntentPhase.Entry, SopTestBed.Monday);

        Assert.Throws<ArgumentException>(() => new ConcernChange(Snapshot(2), 1, Audit(2), [intent]));
    }

    [Fact]
    public void Constructor_Valid_KeepsParts()
    {
        var change = new ConcernChange(Snapshot(2), 1, Audit(2));

        Assert.Equal(1, change.ExpectedVersion);
        Assert.Empty(change.Intents);
    }

    private static ConcernSnapshot Snapshot(long version) =>
        new(Id, "incident", "p", 1, "s", 1, version, SopTestBed.Monday, SopTestBed.Monday, SopTestBed.Monday);

    private static AuditEntry Audit(long version) => new(Id, version, AuditKind.Internal, SopTestBed.Monday, Actor.System, "p", 1, "s", "s");
}
