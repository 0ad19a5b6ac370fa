using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using CustomerCare.Core.Serialization;

namespace CustomerCare.Core;

/// <summary>
/// How widely an incident or request affects the business, the first input of the ITIL priority: how many customers, services or how much revenue are hit.
/// </summary>
/// <remarks>
/// <para>
/// Levels run from 1 (highest) to <see cref="MaxLevel"/>. The common ITIL scheme has three: <see cref="High"/>,
/// <see cref="Medium"/> and <see cref="Low"/>. A <see cref="PriorityMatrix"/> with more rows or columns uses more levels.
/// JSON carries the level as a number and also reads the names.
/// </para>
/// <para><c>default(Impact)</c> has level 0 and is not valid. CustomerCare APIs reject it.</para>
/// </remarks>
[JsonConverter(typeof(ImpactJsonConverter))]
[SuppressMessage(
    "Design",
    "CA1036:Override methods on comparable types",
    Justification = "Operators would read backwards: level 1 is the highest, so '<' would put the more important value on the small side. Sort with CompareTo.")]
public readonly record struct Impact : IComparable<Impact>
{
    /// <summary>The highest level number, which is the lowest impact.</summary>
    public const int MaxLevel = 9;

    /// <summary>Initializes a new impact with the given level.</summary>
    /// <param name="level">The level, 1 (highest) to <see cref="MaxLevel"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside 1 to <see cref="MaxLevel"/>.</exception>
    public Impact(int level)
    {
        Level = Guard.InRange(level, 1, MaxLevel);
    }

    /// <summary>Gets level 1: many customers or a critical service are affected.</summary>
    public static Impact High { get; } = new(1);

    /// <summary>Gets level 2: a group of customers or an important service is affected.</summary>
    public static Impact Medium { get; } = new(2);

    /// <summary>Gets level 3: one customer or a minor function is affected.</summary>
    public static Impact Low { get; } = new(3);

    /// <summary>Gets the level, 1 (highest) to <see cref="MaxLevel"/>.</summary>
    public int Level { get; }

    /// <summary>Parses a level number or one of the names <c>high</c>, <c>medium</c> and <c>low</c>.</summary>
    /// <param name="text">The text to parse; case is ignored.</param>
    /// <returns>The parsed impact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is neither a level from 1 to <see cref="MaxLevel"/> nor a known name.</exception>
    public static Impact Parse(string text)
    {
        if (TryParse(Guard.NotNull(text), out var result))
        {
            return result;
        }

        throw new FormatException($"'{text}' is not a valid impact. Use 'high', 'medium', 'low' or a level from 1 to {MaxLevel}.");
    }

    /// <summary>Tries to parse a level number or one of the names <c>high</c>, <c>medium</c> and <c>low</c>.</summary>
    /// <param name="text">The text to parse; case is ignored.</param>
    /// <param name="result">The parsed impact, or <c>default</c> when parsing failed.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a valid impact.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Impact result)
    {
        var span = text.AsSpan().Trim();
        if (span.Equals("high", StringComparison.OrdinalIgnoreCase))
        {
            result = High;
        }
        else if (span.Equals("medium", StringComparison.OrdinalIgnoreCase))
        {
            result = Medium;
        }
        else if (span.Equals("low", StringComparison.OrdinalIgnoreCase))
        {
            result = Low;
        }
        else if (int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is >= 1 and <= MaxLevel)
        {
            result = new Impact(level);
        }
        else
        {
            result = default;
            return false;
        }

        return true;
    }

    /// <summary>Compares levels, so the highest impact (level 1) sorts first.</summary>
    /// <param name="other">The impact to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this level is smaller than, equal to or larger than the other.</returns>
    public int CompareTo(Impact other) => Level.CompareTo(other.Level);

    /// <summary>Returns <c>High</c>, <c>Medium</c> or <c>Low</c> for levels 1 to 3, else the level number.</summary>
    /// <returns>The name or level of this impact.</returns>
    public override string ToString() => Level switch
    {
        1 => "High",
        2 => "Medium",
        3 => "Low",
        _ => Level.ToString(CultureInfo.InvariantCulture),
    };
}
