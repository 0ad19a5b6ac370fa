using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sop.Tests;

public class ProcedureGuardsTests
{
    private static readonly ConcernSnapshot Snapshot = new(
        new ConcernId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aabb")), "incident", "p", 1, "resolved", 3, 5,
        SopTestBed.Monday, SopTestBed.Monday, SopTestBed.Monday, new Dictionary<string, string> { ["route"] = "stored" });

    [Fact]
    public void Add_DuplicateOrInvalidName_Throws()
    {
        var guards = new ProcedureGuards().Add("Ok", _ => true);

        Assert.Throws<ArgumentException>(() => guards.Add("ok", _ => false));
        Assert.Throws<ArgumentException>(() => guards.Add("not ok", _ => false));
        Assert.Throws<ArgumentNullException>(() => guards.Add("fine", null!));
        Assert.Equal(["ok"], guards.Names);
        Assert.True(guards.Contains("ok"));
    }

    [Fact]
    public void FieldEquals_RequestWinsOverStored()
    {
        var guard = ProcedureGuards.FieldEquals("route", "requested");

        Assert.False(guard(new GuardContext(Snapshot, "go", Actor.System, SopTestBed.Monday)));
        Assert.True(guard(new GuardContext(Snapshot, "go", Actor.System, SopTestBed.Monday, new Dictionary<string, string> { ["route"] = "requested" })));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(59, true)]
    [InlineData(60, false)]
    [InlineData(61, false)]
    public void WithinStateWindow_HalfOpen(int minutes, bool expected)
    {
        var guard = ProcedureGuards.WithinStateWindow(Duration.FromHours(1));

        Assert.Equal(expected, guard(new GuardContext(Snapshot, "reopen", Actor.System, SopTestBed.Monday + Duration.FromMinutes(minutes))));
    }
}
