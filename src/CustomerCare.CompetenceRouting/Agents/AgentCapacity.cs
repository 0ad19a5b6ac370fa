using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>
/// How much work an agent takes at once: a number of capacity units, and the units that one concern costs on each
/// channel the agent serves.
/// </summary>
/// <remarks>
/// <para>
/// Costs make channels comparable. With 100 units, a call that costs 100 and a chat that costs 20, the agent takes
/// one call or up to five chats, and never a call next to a chat. An agent does not serve a channel that has no
/// cost.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class AgentCapacity : IEquatable<AgentCapacity>
{
    /// <summary>The largest number of units.</summary>
    public const int MaxUnits = 1_000_000;

    private readonly KeyValuePair<Channel, int>[] _costs;

    /// <summary>Initializes a new capacity.</summary>
    /// <param name="units">The units the agent has, 1 to <see cref="MaxUnits"/>.</param>
    /// <param name="costs">The cost of one concern per channel, each 1 to <paramref name="units"/>; one entry per channel.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="units"/> is outside 1 to <see cref="MaxUnits"/>.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="costs"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A channel is <c>default</c> or listed twice, or a cost is outside 1 to <paramref name="units"/>.
    /// </exception>
    public AgentCapacity(int units, IEnumerable<KeyValuePair<Channel, int>> costs)
    {
        Units = Guard.InRange(units, 1, MaxUnits);
        Guard.NotNull(costs);

        var list = new List<KeyValuePair<Channel, int>>();
        foreach (var (channel, cost) in costs)
        {
            if (channel == default)
            {
                throw new ArgumentException("A channel of the capacity is default(Channel). Use Channel.Parse or a well-known channel.", nameof(costs));
            }

            if (cost < 1 || cost > units)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"The cost {cost} of channel '{channel}' is outside 1 to {units}, the agent's units. Lower the cost or raise the units."),
                    nameof(costs));
            }

            if (list.Exists(c => c.Key == channel))
            {
                throw new ArgumentException($"Channel '{channel}' is listed twice in the capacity. Give each channel one cost.", nameof(costs));
            }

            list.Add(new(channel, cost));
        }

        list.Sort((a, b) => a.Key.CompareTo(b.Key));
        _costs = [.. list];
    }

    /// <summary>Gets the units the agent has.</summary>
    public int Units { get; }

    /// <summary>Gets the cost of one concern per served channel, sorted by channel name.</summary>
    public IReadOnlyList<KeyValuePair<Channel, int>> Costs => _costs;

    /// <summary>Returns a capacity of one concern at a time on each of <paramref name="channels"/>: 1 unit, each channel costs 1.</summary>
    /// <param name="channels">The channels the agent serves.</param>
    /// <returns>The capacity.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    /// <exception cref="ArgumentException">A channel is <c>default</c> or listed twice.</exception>
    public static AgentCapacity OneAtATime(params IEnumerable<Channel> channels) =>
        new(1, Guard.NotNull(channels).Select(c => new KeyValuePair<Channel, int>(c, 1)));

    /// <summary>Returns the cost of one concern on <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The cost in units, or 0 when the agent does not serve the channel.</returns>
    public int CostOf(Channel channel)
    {
        foreach (var (served, cost) in _costs)
        {
            if (served == channel)
            {
                return cost;
            }
        }

        return 0;
    }

    /// <summary>Returns whether the agent serves <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns><see langword="true"/> when the channel has a cost.</returns>
    public bool Serves(Channel channel) => CostOf(channel) > 0;

    /// <summary>Returns a copy in which <paramref name="channel"/> costs <paramref name="cost"/>.</summary>
    /// <param name="channel">The channel to add or change.</param>
    /// <param name="cost">The cost of one concern, 1 to <see cref="Units"/>.</param>
    /// <returns>The new capacity.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is <c>default</c>, or <paramref name="cost"/> is outside 1 to <see cref="Units"/>.</exception>
    public AgentCapacity WithChannel(Channel channel, int cost) =>
        new(Units, _costs.Where(c => c.Key != channel).Append(new(channel, cost)));

    /// <summary>Returns whether both capacities have the same units and costs.</summary>
    /// <param name="other">The capacity to compare with.</param>
    /// <returns><see langword="true"/> when units and costs are equal.</returns>
    public bool Equals([NotNullWhen(true)] AgentCapacity? other) =>
        other is not null && Units == other.Units && _costs.AsSpan().SequenceEqual(other._costs);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as AgentCapacity);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Units);
        foreach (var cost in _costs)
        {
            hash.Add(cost);
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns the units and costs, such as <c>100 units: chat 20, phone 100</c>.</summary>
    /// <returns>A readable description.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Units} units: ")
        + (_costs.Length == 0 ? "no channels" : string.Join(", ", _costs.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value}"))));

    /// <summary>Returns whether both capacities are equal.</summary>
    /// <param name="left">The first capacity.</param>
    /// <param name="right">The second capacity.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(AgentCapacity? left, AgentCapacity? right) => left?.Equals(right) ?? right is null;

    /// <summary>Returns whether the capacities differ.</summary>
    /// <param name="left">The first capacity.</param>
    /// <param name="right">The second capacity.</param>
    /// <returns><see langword="true"/> when they are not equal.</returns>
    public static bool operator !=(AgentCapacity? left, AgentCapacity? right) => !(left == right);
}
