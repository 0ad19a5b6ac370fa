using Stateless;

namespace CustomerCare.Sop.Tests;

/// <summary>
/// Pins the Stateless 5.20.1 behaviours that CustomerCare.Sop relies on or works around, so an upgrade that changes
/// them fails here first.
/// </summary>
public class StatelessBehaviourTests
{
    [Fact]
    public async Task ParentTransitionIntoCurrentSubstate_RunsNothing()
    {
        // This is why validation rejects a composite state's transition into its own substate.
        var state = 1;
        var log = new List<string>();
        var machine = new StateMachine<int, int>(() => state, s => state = s, FiringMode.Queued);
        machine.OnTransitioned(_ => log.Add("transitioned"));
        machine.Configure(1).SubstateOf(0).OnEntry(() => log.Add("enter 1")).OnExit(() => log.Add("exit 1"));
        machine.Configure(0).Permit(5, 1);

        await machine.FireAsync(5);

        Assert.Empty(log);
        Assert.Equal(1, state);
    }

    [Fact]
    public async Task Reentry_ExitsAndEntersOnce()
    {
        var state = 1;
        var log = new List<string>();
        var machine = new StateMachine<int, int>(() => state, s => state = s, FiringMode.Queued);
        machine.Configure(0).OnEntry(() => log.Add("enter 0")).OnExit(() => log.Add("exit 0"));
        machine.Configure(1).SubstateOf(0).PermitReentry(5).OnEntry(() => log.Add("enter 1")).OnExit(() => log.Add("exit 1"));

        await machine.FireAsync(5);

        Assert.Equal(["exit 1", "enter 1"], log);
    }

    [Fact]
    public async Task SubstateGuardsUnmet_FallsBackToParent()
    {
        // The planner searches the same way: the current state first, then each parent.
        var state = 1;
        var machine = new StateMachine<int, int>(() => state, s => state = s, FiringMode.Queued);
        machine.Configure(0).Permit(5, 3);
        machine.Configure(1).SubstateOf(0).PermitIf(5, 2, () => false, "closed");

        await machine.FireAsync(5);

        Assert.Equal(3, state);
    }
}
