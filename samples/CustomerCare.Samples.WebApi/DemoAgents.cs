using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Samples.WebApi;

/// <summary>Registers three available agents at start, one per competence level, so a fresh host can route and act.</summary>
internal sealed class DemoAgents(ServiceDesk desk, IClock clock) : IHostedService
{
    /// <summary>The agents' fixed ids: first level, specialist, expert.</summary>
    public static readonly IReadOnlyList<AgentId> Ids =
    [
        AgentId.Parse("agt_0193a0b2c3d47e5f8a9b0c1d2e3f4a51"),
        AgentId.Parse("agt_0193a0b2c3d47e5f8a9b0c1d2e3f4a52"),
        AgentId.Parse("agt_0193a0b2c3d47e5f8a9b0c1d2e3f4a53"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        CompetenceLevel[] levels = [CompetenceLevel.FirstLevel, CompetenceLevel.SecondLevel, CompetenceLevel.ThirdLevel];
        for (var i = 0; i < Ids.Count; i++)
        {
            var agent = new Agent
            {
                Id = Ids[i],
                Levels = [levels[i]],
                Languages = [Language.Parse("en"), Language.Parse("de")],
                Capacity = new AgentCapacity(5, [new(Channel.Phone, 5), new(Channel.Chat, 2), new(Channel.Email, 1), new(Channel.Web, 1)]),
                Presence = Presence.Available,
                IdleSince = clock.GetCurrentInstant(),
            };
            await desk.SaveAgentAsync(agent, 0, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
