using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sop.Tests;

public class ProcedureBuilderTests
{
    [Fact]
    public void Build_Valid_NormalizesNames()
    {
        var definition = new ProcedureBuilder(" Simple ", 1)
            .AppliesTo("Incident")
            .StartIn("Open")
            .State("Open", s => s.Permit("Close", "Done", configure: t => t.RequireFields("Reason")))
            .State("Done", s => s.Final())
            .Build();

        Assert.Equal("simple", definition.Id);
        Assert.Equal(["incident"], definition.ConcernTypes);
        Assert.Equal("open", definition.InitialState);
        var transition = Assert.Single(definition.FindState("open")!.Transitions);
        Assert.Equal(("close", "done", "reason"), (transition.Trigger, transition.Target, transition.RequiredFields[0]));
        Assert.Null(definition.FindState("missing"));
        Assert.Equal("simple v1", definition.ToString());
    }

    [Fact]
    public void Build_UnreachableAndDeadEnd_ReportsBothByState()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => new ProcedureBuilder("p", 1)
            .AppliesTo("t")
            .StartIn("a")
            .State("a", s => s.Permit("go", "b"))
            .State("b", s => s.InternalTransition("note"))
            .State("island", s => s.Permit("go", "b"))
            .Build());

        Assert.Equal(2, exception.Errors.Count);
        Assert.Contains(exception.Errors, e => e.Path.EndsWith("state 'b'", StringComparison.Ordinal) && e.Problem.Contains("dead end", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Path.EndsWith("state 'island'", StringComparison.Ordinal) && e.Problem.Contains("unreachable", StringComparison.Ordinal));
    }

    public static TheoryData<string, Func<ProcedureBuilder, ProcedureBuilder>, string> Problems => new()
    {
        { "undefined target", b => b.State("a", s => s.Permit("go", "nowhere")), "targets an undefined state" },
        { "undefined parent", b => b.State("a", s => s.SubstateOf("ghost")), "substate of an undefined state" },
        { "parent cycle", b => b.State("x", s => s.SubstateOf("y")).State("y", s => s.SubstateOf("x")), "its own ancestor" },
        { "target own state", b => b.State("a", s => s.Permit("again", "a")), "targets its own state" },
        { "target composite", b => b.State("g", null).State("m", s => s.SubstateOf("g")).State("a", s => s.Permit("in", "g")), "targets a state with substates" },
        { "parent into own substate", b => b.State("g", s => s.Permit("back", "m")).State("m", s => s.SubstateOf("g")).State("a", s => s.Permit("in", "m")), "a substate of its own state" },
        { "final with exit", b => b.State("done", s => s.Permit("again", "a")), "final but has exits" },
        { "duplicate trigger unguarded", b => b.State("a", s => s.Permit("go", "done", "g1")), "at least one has no guard" },
        { "duplicate trigger and guard", b => b.State("a", s => s.Permit("go", "done", "g").Permit("go", "a2", "g")).State("a2", s => s.Permit("go", "done")), "same trigger and guard appear twice" },
        { "reserved trigger", b => b.State("a", s => s.Permit("approve", "done")), "reserved for approval gates" },
        { "gate extra exit", b => b.State("gate", s => s.ApprovalGate("done", "done").Permit("skip", "done")).State("a", s => s.Permit("ask", "gate")), "exit of an approval gate" },
        { "gate inherited exit", b => b.State("group", s => s.Permit("abort", "done")).State("gate", s => s.SubstateOf("group").ApprovalGate("done", "done")).State("a", s => s.Permit("ask", "gate")), "inherits the exit 'abort'" },
        { "timer trigger unhandled", b => b.State("a", s => s.Timer("t", "ring", TimerDelay.Elapsed(Duration.FromHours(1)))), "fires trigger 'ring'" },
        { "duplicate timer", b => b.State("a", s => s.Timer("t", "go", TimerDelay.Elapsed(Duration.FromHours(1))).Timer("t", "go", TimerDelay.Elapsed(Duration.FromHours(2)))), "another timer has this name" },
        { "timer on composite", b => b.State("g", s => s.Permit("go", "done").Timer("t", "go", TimerDelay.Elapsed(Duration.FromHours(1)))).State("m", s => s.SubstateOf("g")).State("a", s => s.Permit("in", "m")), "arms timers but has substates" },
        { "step before undefined", b => b.Step("s", StepSeverity.Mandatory, "later"), "before an undefined state" },
        { "step before initial", b => b.Step("s", StepSeverity.Mandatory, "a"), "before the initial state" },
        { "duplicate step", b => b.Step("s", StepSeverity.Mandatory, "done").Step("s", StepSeverity.Advisory, "done"), "another step has this id" },
        { "invalid name", b => b.State("a", s => s.Permit("go now", "done")), "invalid trigger" },
        { "invalid field", b => b.State("done", s => s.RequireFields("1st")), "invalid required field" },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Build_Problem_ReportedWithItsPlace(string name, Func<ProcedureBuilder, ProcedureBuilder> change, string problem)
    {
        var builder = new ProcedureBuilder("p", 1)
            .AppliesTo("t")
            .StartIn("a")
            .State("a", s => s.Permit("go", "done"))
            .State("done", s => s.Final());

        var exception = Assert.Throws<CustomerCareValidationException>(() => change(builder).Build());

        Assert.True(exception.Errors.Any(e => e.Problem.Contains(problem, StringComparison.Ordinal)), $"{name}: {exception.Message}");
        Assert.All(exception.Errors, e => Assert.StartsWith("procedure 'p' v1", e.Path, StringComparison.Ordinal));
        Assert.All(exception.Errors, e => Assert.NotEmpty(e.Fix));
    }

    [Fact]
    public void Build_NoStatesNoTypes_ReportsEach()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => new ProcedureBuilder("p", 1).Build());

        Assert.Contains(exception.Errors, e => e.Problem == "applies to no concern type");
        Assert.Contains(exception.Errors, e => e.Problem == "has no states");
        Assert.Contains(exception.Errors, e => e.Problem == "has no initial state");
    }

    [Fact]
    public void From_Default_ExtendsAndBumpsVersion()
    {
        var extended = ProcedureBuilder.From(DefaultLifecycle.Definition)
            .State("on-hold-major", s => s.SubstateOf(LifecycleStates.Pending))
            .State(LifecycleStates.InProgress, s => s.Permit("hold-major", "on-hold-major"))
            .Build();

        Assert.Equal(2, extended.Version);
        Assert.Equal(DefaultLifecycle.Id, extended.Id);
        Assert.Equal(DefaultLifecycle.Definition.States.Count + 1, extended.States.Count);
        Assert.Contains(extended.FindState(LifecycleStates.InProgress)!.Transitions, t => t.Trigger == "hold-major");
    }

    [Fact]
    public void Arguments_Invalid_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcedureBuilder("p", 0));
        Assert.Throws<ArgumentException>(() => new ProcedureBuilder(" ", 1));
        Assert.Throws<ArgumentNullException>(() => ProcedureBuilder.From(null!));
        Assert.Throws<ArgumentException>(() => new ProcedureBuilder("p", 1).State("a", s => s.Permit("go", " ")));
        Assert.Throws<ArgumentNullException>(() => new ProcedureBuilder("p", 1).AppliesTo(null!));
    }
}
