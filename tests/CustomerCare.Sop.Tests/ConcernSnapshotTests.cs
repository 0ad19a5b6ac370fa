using CustomerCare.Core;

namespace CustomerCare.Sop.Tests;

public class ConcernSnapshotTests
{
    private static readonly ConcernId Id = new(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aabb"));

    [Fact]
    public void Constructor_Invalid_Throws()
    {
        var at = SopTestBed.Monday;

        Assert.Throws<ArgumentException>(() => new ConcernSnapshot(default, "incident", "p", 1, "s", 1, 1, at, at, at));
        Assert.Throws<ArgumentException>(() => new ConcernSnapshot(Id, " ", "p", 1, "s", 1, 1, at, at, at));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConcernSnapshot(Id, "incident", "p", 0, "s", 1, 1, at, at, at));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConcernSnapshot(Id, "incident", "p", 1, "s", 0, 1, at, at, at));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConcernSnapshot(Id, "incident", "p", 1, "s", 1, 0, at, at, at));
        Assert.Throws<ArgumentNullException>(() => new ConcernSnapshot(Id, "incident", "p", 1, "s", 1, 1, at, at, at, new Dictionary<string, string> { ["x"] = null! }));
    }

    [Fact]
    public void ToString_HasNoFieldValues()
    {
        var snapshot = new ConcernSnapshot(Id, "incident", "p", 1, "s", 1, 4, SopTestBed.Monday, SopTestBed.Monday, SopTestBed.Monday,
            new Dictionary<string, string> { ["note"] = "Call Ms Example on +49 30 1234" });

        Assert.Equal("con_0192f0c1a2b37c4d8e9f00112233aabb s v4 (p v1)", snapshot.ToString());
        Assert.False(snapshot.IsStepClosed("any"));
    }
}
