using System.Globalization;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>What handled minutes and automated contacts cost, for cost per contact, cost per resolved concern and savings.</summary>
/// <remarks>
/// <para>
/// A person's work time costs <see cref="GetCostPerHandledMinute"/> of their competence level per minute. A level
/// without its own cost takes the cost of the nearest shallower level that has one. A self-service session or a bot
/// conversation costs <see cref="CostPerAutomatedContact"/>.
/// </para>
/// <para>Configure the model before handing it to the metrics; it is not thread-safe to change while in use.</para>
/// </remarks>
public sealed class CostModel
{
    private readonly SortedDictionary<int, decimal> _costPerMinuteByRank = [];

    /// <summary>Gets or sets the currency of every amount, such as <c>EUR</c>. The default is <c>EUR</c>.</summary>
    public string Currency { get; set; } = "EUR";

    /// <summary>Gets or sets what one self-service session or bot conversation costs. The default is 0.</summary>
    public decimal CostPerAutomatedContact { get; set; }

    /// <summary>
    /// Gets or sets the handle time assumed for one first-level contact when no first-level work time was recorded,
    /// used for the savings. The default is 6 minutes.
    /// </summary>
    public Duration AssumedFirstLevelHandleTime { get; set; } = Duration.FromMinutes(6);

    /// <summary>Gets the levels that have a cost of their own, by rank.</summary>
    public IReadOnlyDictionary<int, decimal> CostPerHandledMinuteByRank => _costPerMinuteByRank;

    /// <summary>Sets the cost of one handled minute at a competence level.</summary>
    /// <param name="level">The level; its rank must be 1 or deeper, because self-service has no handled minutes.</param>
    /// <param name="costPerMinute">The cost per minute, zero or positive.</param>
    /// <returns>This model, for chaining.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is the self-service level, or <paramref name="costPerMinute"/> is negative.</exception>
    public CostModel SetCostPerHandledMinute(CompetenceLevel level, decimal costPerMinute)
    {
        Guard.InRange(level.Rank, 1, CompetenceLevel.MaxRank, nameof(level));
        if (costPerMinute < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(costPerMinute), costPerMinute, "A cost per minute must be zero or positive.");
        }

        _costPerMinuteByRank[level.Rank] = costPerMinute;
        return this;
    }

    /// <summary>Returns the cost of one handled minute at <paramref name="level"/>.</summary>
    /// <param name="level">The level; the self-service level counts as the first level.</param>
    /// <returns>The level's own cost, else that of the nearest shallower level with a cost, else 0.</returns>
    public decimal GetCostPerHandledMinute(CompetenceLevel level)
    {
        var rank = Math.Max(1, level.Rank);
        for (var r = rank; r >= 1; r--)
        {
            if (_costPerMinuteByRank.TryGetValue(r, out var cost))
            {
                return cost;
            }
        }

        return 0m;
    }

    internal IEnumerable<ValidationError> Validate(string path)
    {
        if (string.IsNullOrWhiteSpace(Currency))
        {
            yield return new ValidationError($"{path}.{nameof(Currency)}", "is empty", "Set an ISO 4217 code such as 'EUR'.", Currency);
        }

        if (CostPerAutomatedContact < 0)
        {
            yield return new ValidationError(
                $"{path}.{nameof(CostPerAutomatedContact)}", "is negative", "Set zero or a positive amount.",
                CostPerAutomatedContact.ToString(CultureInfo.InvariantCulture));
        }

        if (AssumedFirstLevelHandleTime <= Duration.Zero)
        {
            yield return new ValidationError(
                $"{path}.{nameof(AssumedFirstLevelHandleTime)}", "is not positive", "Set the typical first-level handle time, such as 6 minutes.",
                AssumedFirstLevelHandleTime.ToString());
        }

        if (!_costPerMinuteByRank.ContainsKey(1))
        {
            yield return new ValidationError(
                path, "has no cost per handled minute for the first level", "Call SetCostPerHandledMinute(CompetenceLevel.FirstLevel, cost).");
        }
    }
}
