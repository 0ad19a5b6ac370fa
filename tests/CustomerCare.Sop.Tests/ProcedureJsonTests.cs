using CustomerCare.Core;

namespace CustomerCare.Sop.Tests;

public class ProcedureJsonTests
{
    [Fact]
    public void RoundTrip_Default_SameTextAndDiagram()
    {
        var json = ProcedureJson.Write(DefaultLifecycle.Definition);

        var read = ProcedureJson.Read(json);

        Assert.Equal(json, ProcedureJson.Write(read));
        Assert.Equal(ProcedureDiagram.ToMermaid(DefaultLifecycle.Definition), ProcedureDiagram.ToMermaid(read));
        Assert.Equal(ProcedureDiagram.ToDot(DefaultLifecycle.Definition), ProcedureDiagram.ToDot(read));
        AssertEquivalent(DefaultLifecycle.Definition, read);
    }

    [Fact]
    public async Task Read_DefaultJson_RunsLikeCode()
    {
        var read = ProcedureJson.Read(ProcedureJson.Write(DefaultLifecycle.Definition));
        var bed = new SopTestBed(new ProcedureCatalog().Add(read, DefaultLifecycle.CreateGuards()));

        var id = await bed.StartInAsync(LifecycleStates.Closed);

        Assert.Equal(LifecycleStates.Closed, (await bed.SnapshotAsync(id)).State);
        Assert.All(await bed.AuditAsync(id), a => Assert.Equal(DefaultLifecycle.Id, a.ProcedureId));
    }

    [Fact]
    public void Read_EveryKindOfDelayAndTransition()
    {
        const string Json = """
            {
              "id": "Tiny", "version": 3, "concernTypes": ["Incident"], "initialState": "a",
              // comments are allowed
              "states": [
                { "name": "a", "requiredFields": ["x"], "onEntry": [{ "kind": "notify", "parameter": "customer" }],
                  "timers": [
                    { "name": "t1", "trigger": "tick", "delay": { "kind": "elapsed", "amount": "0:01:30:00" } },
                    { "name": "t2", "trigger": "tick", "delay": { "kind": "businessTime", "amount": "1:00:00:00" } },
                    { "name": "t3", "trigger": "go", "delay": { "kind": "businessDays", "days": 2 } } ],
                  "transitions": [
                    { "trigger": "go", "target": "b", "guard": "ok", "requiredFields": ["y"], "intents": [{ "kind": "escalate" }] },
                    { "trigger": "again", "kind": "reentry" },
                    { "trigger": "tick", "kind": "internal" } ] },
                { "name": "b", "final": true }
              ],
              "checklist": [{ "id": "s", "severity": "advisory", "requiredBefore": "b", "title": "Do it" }]
            }
            """;

        var definition = ProcedureJson.Read(Json);

        Assert.Equal(("tiny", 3, "incident"), (definition.Id, definition.Version, definition.ConcernTypes[0]));
        var a = definition.FindState("a")!;
        Assert.Equal(NodaTime.Duration.FromMinutes(90), a.Timers[0].Delay.Amount);
        Assert.Equal(TimerDelayKind.BusinessTime, a.Timers[1].Delay.Kind);
        Assert.Equal(2, a.Timers[2].Delay.Days);
        Assert.Equal([TransitionKind.Permit, TransitionKind.Reentry, TransitionKind.Internal], a.Transitions.Select(t => t.Kind));
        Assert.Equal("a", a.Transitions[1].Target);
        Assert.Equal("ok", a.Transitions[0].Guard);
        Assert.Equal(StepSeverity.Advisory, Assert.Single(definition.Checklist).Severity);
        Assert.Equal(new IntentDefinition("notify", "customer"), Assert.Single(a.EntryIntents));
    }

    [Fact]
    public void Read_ShapeErrors_ReportedTogetherWithPaths()
    {
        const string Json = """
            {
              "id": 7, "version": "one", "concernTypes": "incident", "initialState": "a", "extra": true,
              "states": [
                { "name": "a", "final": "yes", "transitions": [ { "trigger": "go", "kind": "teleport", "target": "b" } ],
                  "timers": [ { "name": "t", "trigger": "go", "delay": { "kind": "weeks" } } ] },
                { "name": "b", "final": true }
              ],
              "checklist": [ { "id": "s", "severity": "critical", "requiredBefore": "b" } ]
            }
            """;

        var exception = Assert.Throws<CustomerCareValidationException>(() => ProcedureJson.Read(Json));
        var paths = exception.Errors.Select(e => e.Path).ToArray();

        Assert.Contains("$.id", paths);
        Assert.Contains("$.version", paths);
        Assert.Contains("$.concernTypes", paths);
        Assert.Contains("$.extra", paths);
        Assert.Contains("$.states[0].final", paths);
        Assert.Contains("$.states[0].transitions[0].kind", paths);
        Assert.Contains("$.states[0].timers[0].delay.kind", paths);
        Assert.Contains("$.checklist[0].severity", paths);
    }

    [Fact]
    public void Read_StructureErrors_NameStateAndTrigger()
    {
        const string Json = """
            { "id": "p", "version": 1, "concernTypes": ["t"], "initialState": "a",
              "states": [ { "name": "a", "transitions": [ { "trigger": "go" } ] }, { "name": "a" } ] }
            """;

        var exception = Assert.Throws<CustomerCareValidationException>(() => ProcedureJson.Read(Json));

        Assert.Contains(exception.Errors, e => e.Path == "procedure 'p' v1 → state 'a' → transition 'go'" && e.Problem == "has no target");
        Assert.Contains(exception.Errors, e => e.Path == "procedure 'p' v1 → state 'a'" && e.Problem.StartsWith("is a duplicate id", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"id\": \"p\", }")]
    public void Read_NotAnObject_Rejected(string json)
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => ProcedureJson.Read(json));

        Assert.NotEmpty(exception.Errors);
    }

    private static void AssertEquivalent(ProcedureDefinition expected, ProcedureDefinition actual)
    {
        Assert.Equal((expected.Id, expected.Version, expected.Description, expected.InitialState), (actual.Id, actual.Version, actual.Description, actual.InitialState));
        Assert.Equal(expected.ConcernTypes, actual.ConcernTypes);
        Assert.Equal(expected.States.Count, actual.States.Count);
        foreach (var (e, a) in expected.States.Zip(actual.States))
        {
            Assert.Equal((e.Name, e.Parent, e.IsFinal, e.IsApprovalGate, e.Description), (a.Name, a.Parent, a.IsFinal, a.IsApprovalGate, a.Description));
            Assert.Equal(e.RequiredFields, a.RequiredFields);
            Assert.Equal(e.EntryIntents, a.EntryIntents);
            Assert.Equal(e.ExitIntents, a.ExitIntents);
            Assert.Equal(e.Timers.Select(t => (t.Name, t.Trigger, t.Delay)), a.Timers.Select(t => (t.Name, t.Trigger, t.Delay)));
            Assert.Equal(
                e.Transitions.Select(t => (t.Trigger, t.Target, t.Kind, t.Guard, string.Join(",", t.RequiredFields), string.Join(",", t.Intents))),
                a.Transitions.Select(t => (t.Trigger, t.Target, t.Kind, t.Guard, string.Join(",", t.RequiredFields), string.Join(",", t.Intents))));
        }

        Assert.Equal(expected.Checklist.Select(s => (s.Id, s.Severity, s.RequiredBefore, s.Title)), actual.Checklist.Select(s => (s.Id, s.Severity, s.RequiredBefore, s.Title)));
    }
}
