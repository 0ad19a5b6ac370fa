using System.Globalization;
using CustomerCare.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerCare.Sop.Tests;

/// <summary>
/// Random operation sequences on the default lifecycle, checked step by step against a small reference interpreter
/// that reads the definition directly.
/// </summary>
public class ReferenceModelTests
{
    private static readonly string[] Triggers = DefaultLifecycle.Definition.States
        .SelectMany(s => s.Transitions.Select(t => t.Trigger))
        .Where(t => !DefaultLifecycle.Definition.States.Any(s => s.Timers.Any(timer => timer.Trigger == t)))
        .Distinct()
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static readonly string[] FieldNames = [.. SopTestBed.AllFields.Keys, LifecycleFields.CompetenceLevel];

    private static Gen<Step> StepGen { get; } = Gen.OneOf(
        from trigger in Gen.Elements(Triggers)
        from mask in Gen.Choose(0, (1 << FieldNames.Length) - 1)
        from level in Gen.Choose(0, 4)
        from overrideAdvisory in Gen.Elements(true, false)
        select new Step(StepKind.Fire, trigger, mask, level, overrideAdvisory, 0),
        from trigger in Gen.Elements(Triggers)
        select new Step(StepKind.Fire, trigger, (1 << FieldNames.Length) - 1, 2, true, 0),
        from index in Gen.Choose(0, DefaultLifecycle.Definition.Checklist.Count - 1)
        select new Step(StepKind.CompleteStep, DefaultLifecycle.Definition.Checklist[index].Id, 0, 0, false, 0),
        from minutes in Gen.Choose(1, 60 * 24 * 6)
        select new Step(StepKind.Advance, string.Empty, 0, 0, false, minutes),
        Gen.Constant(new Step(StepKind.FireDueTimers, string.Empty, 0, 0, false, 0)));

    private enum StepKind
    {
        Fire,
        CompleteStep,
        Advance,
        FireDueTimers,
    }

    [Property(MaxTest = 150)]
    public Property RandomSequences_AgreeWithReferenceAndKeepEveryAuditEntry()
    {
        return Prop.ForAll(Gen.ListOf(StepGen).Select(l => l.Take(40).ToArray()).ToArbitrary(), steps =>
        {
            Run(steps).GetAwaiter().GetResult();
        });
    }

    private static async Task Run(Step[] steps)
    {
        var bed = new SopTestBed();
        var id = await bed.Runner.StartAsync(new StartRequest(bed.NewConcernId(), "incident", SopTestBed.Agent));
        var concern = id.Snapshot.Id;
        var model = new ReferenceModel(DefaultLifecycle.Definition, bed.Clock.GetCurrentInstant());
        var applied = 1;

        foreach (var step in steps)
        {
            switch (step.Kind)
            {
                case StepKind.Fire:
                    var fields = Fields(step);
                    var result = await bed.Runner.FireAsync(concern, new TriggerRequest(step.Name, SopTestBed.Agent) { Fields = fields, OverrideAdvisorySteps = step.Override });
                    var expected = model.Fire(step.Name, fields, step.Override, bed.Clock.GetCurrentInstant());
                    Assert.True(expected == result.IsApplied, $"{step.Name} in {model.State}: model {(expected ? "applies" : "rejects")}, runner {result}");
                    applied += result.IsApplied ? 1 : 0;
                    break;
                case StepKind.CompleteStep:
                    var completed = await bed.Runner.CompleteStepAsync(concern, step.Name, SopTestBed.Agent);
                    Assert.Equal(model.CompleteStep(step.Name), completed.IsApplied);
                    applied += completed.IsApplied ? 1 : 0;
                    break;
                case StepKind.Advance:
                    bed.Clock.Advance(Duration.FromMinutes(step.Minutes));
                    break;
                default:
                    foreach (var due in await bed.Store.ListDueTimersAsync(bed.Clock.GetCurrentInstant(), 100))
                    {
                        var fired = await bed.Runner.FireTimerAsync(due.ConcernId, due.Timer);
                        Assert.True(fired.IsApplied, fired.ToString());
                        model.FireTimer(due.Timer.Trigger, bed.Clock.GetCurrentInstant());
                        applied++;
                    }

                    break;
            }

            var snapshot = (await bed.Store.FindAsync(concern))!;
            Assert.Equal(model.State, snapshot.State);
            Assert.Equal(model.StateEntry, snapshot.StateEntry);
            Assert.Equal(model.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), snapshot.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
            Assert.NotNull(DefaultLifecycle.Definition.FindState(snapshot.State));
            Assert.DoesNotContain(DefaultLifecycle.Definition.States, s => s.Parent == snapshot.State);
            Assert.Equal(applied, snapshot.Version);
        }

        var audit = await bed.Store.ListAuditAsync(concern, 0, 1000);
        Assert.Equal(Enumerable.Range(1, applied).Select(v => (long)v), audit.Select(a => a.Version));
    }

    private static Dictionary<string, string> Fields(Step step)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < FieldNames.Length; i++)
        {
            if ((step.FieldMask & (1 << i)) == 0)
            {
                continue;
            }

            fields[FieldNames[i]] = FieldNames[i] == LifecycleFields.CompetenceLevel
                ? step.Level.ToString(CultureInfo.InvariantCulture)
                : SopTestBed.AllFields[FieldNames[i]];
        }

        return fields;
    }

    private readonly record struct Step(StepKind Kind, string Name, int FieldMask, int Level, bool Override, int Minutes);

    /// <summary>
    /// Interprets the definition directly, the slow and obvious way: find the transition by walking up the parents,
    /// check guards, required fields and steps, then move.
    /// </summary>
    private sealed class ReferenceModel(ProcedureDefinition definition, Instant start)
    {
        private readonly HashSet<string> _closedSteps = [];

        public string State { get; private set; } = definition.InitialState;

        public long StateEntry { get; private set; } = 1;

        public Dictionary<string, string> Fields { get; } = [];

        private Instant EnteredAt { get; set; } = start;

        public bool Fire(string trigger, IReadOnlyDictionary<string, string> request, bool overrideAdvisory, Instant now)
        {
            TransitionDefinition? chosen = null;
            foreach (var state in Chain(State))
            {
                chosen = state.Transitions.SingleOrDefault(t => t.Trigger == trigger && GuardHolds(t.Guard, request, now));
                if (chosen is not null)
                {
                    break;
                }
            }

            if (chosen is null)
            {
                return false;
            }

            var target = chosen.Kind == TransitionKind.Permit ? chosen.Target! : State;
            var entered = chosen.Kind switch
            {
                TransitionKind.Internal => [],
                TransitionKind.Reentry => [definition.FindState(State)!],
                _ => Chain(target).Where(s => !Chain(State).Contains(s)).ToArray(),
            };

            var required = chosen.RequiredFields.Concat(entered.SelectMany(s => s.RequiredFields));
            if (required.Any(f => string.IsNullOrWhiteSpace(request.GetValueOrDefault(f) ?? Fields.GetValueOrDefault(f))))
            {
                return false;
            }

            var open = definition.Checklist.Where(c => entered.Any(s => s.Name == c.RequiredBefore) && !_closedSteps.Contains(c.Id)).ToArray();
            if (open.Any(c => c.Severity == StepSeverity.Mandatory) || (open.Length > 0 && !overrideAdvisory))
            {
                return false;
            }

            foreach (var step in open)
            {
                _closedSteps.Add(step.Id);
            }

            foreach (var (name, value) in request)
            {
                Fields[name] = value;
            }

            if (chosen.Kind != TransitionKind.Internal)
            {
                State = target;
                StateEntry++;
                EnteredAt = now;
            }

            return true;
        }

        public void FireTimer(string trigger, Instant now) => Assert.True(Fire(trigger, new Dictionary<string, string>(), false, now));

        public bool CompleteStep(string step) => _closedSteps.Add(step);

        private bool GuardHolds(string? guard, IReadOnlyDictionary<string, string> request, Instant now) => guard switch
        {
            null => true,
            DefaultLifecycle.WithinReopenWindowGuard => now - EnteredAt < Duration.FromDays(14),
            DefaultLifecycle.DeeperLevelGuard => !request.TryGetValue(LifecycleFields.CompetenceLevel, out var level)
                || int.Parse(level, CultureInfo.InvariantCulture) > int.Parse(Fields.GetValueOrDefault(LifecycleFields.CompetenceLevel, "1"), CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"The reference model does not know guard '{guard}'."),
        };

        private IEnumerable<StateDefinition> Chain(string state)
        {
            for (var current = definition.FindState(state); current is not null; current = current.Parent is null ? null : definition.FindState(current.Parent))
            {
                yield return current;
            }
        }
    }
}
