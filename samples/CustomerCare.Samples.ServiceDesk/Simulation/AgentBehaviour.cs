using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>
/// How the simulated people behave: how long agents take, how often they need more information from the customer, and
/// how long customers take to answer. All draws come from one seeded <see cref="Random"/>, so a run is repeatable.
/// </summary>
internal sealed class AgentBehaviour(int seed)
{
    /// <summary>The share of written concerns for which the resolving agent first asks the customer for information.</summary>
    public const double InformationRequestShare = 0.12;

    private readonly Random _random = new(seed);

    /// <summary>
    /// Returns whether the customer asks for a person right away: most callers do, and so do most customers whose
    /// concern needs a specialist, because an article cannot fix a fault in the line.
    /// </summary>
    public bool AsksForPerson(Channel channel, int complexity) =>
        (channel == Channel.Phone && _random.NextDouble() < 0.6) || (complexity >= 2 && _random.NextDouble() < 0.7);

    /// <summary>Returns the time until an offered agent accepts: 20 seconds to 3 minutes.</summary>
    public Duration AcceptDelay() => Duration.FromSeconds(_random.Next(20, 180));

    /// <summary>
    /// Returns the handling time of one work step: calls are shortest, written channels longest, and deeper levels
    /// spend longer because their concerns are harder. The spread is ±40 percent around the mean.
    /// </summary>
    public Duration HandleTime(Channel channel, int level)
    {
        var minutes = 11.0;
        if (channel == Channel.Phone)
        {
            minutes = 7.0;
        }
        else if (channel == Channel.Chat)
        {
            minutes = 9.0;
        }

        minutes *= level switch { 1 => 1.0, 2 => 1.6, _ => 2.2 };
        minutes *= 0.6 + (0.8 * _random.NextDouble());
        return Duration.FromSeconds(Math.Round(minutes * 60));
    }

    /// <summary>Returns whether the agent asks the customer for information before resolving.</summary>
    public bool AsksForInformation(Channel channel) =>
        channel != Channel.Phone && channel != Channel.Chat && _random.NextDouble() < InformationRequestShare;

    /// <summary>Returns how long the customer takes to send the information: one to twenty hours.</summary>
    public Duration CustomerAnswerDelay() => Duration.FromMinutes(_random.Next(60, 20 * 60));

    /// <summary>Returns the time an agent needs to pick a concern up again after the customer answered.</summary>
    public Duration PickUpDelay() => Duration.FromMinutes(_random.Next(10, 40));
}
