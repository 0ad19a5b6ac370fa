using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using CustomerCare.Core.Serialization;

namespace CustomerCare.Core;

/// <summary>
/// How soon the business needs the concern handled, the second input of the ITIL priority.
/// </summary>
/// <remarks>
/// <para>
/// Levels run from 1 (highest) to <see cref="MaxLevel"/>. The common ITIL scheme has three: <see cref="High"/>,
/// <see cref="Medium"/> and <see cref="Low"/>. A <see cref="PriorityMatrix"/> with more rows or columns uses more levels.
/// JSON carries the level as a number and also reads the names.
/// </para>
/// <para><c>default(Urgency)</c> has level 0 and is not valid. CustomerCare APIs reject it.</para>
/// </remarks>
[JsonConverter(typeof(UrgencyJsonConverter))]
[SuppressMessage(
    "Design",
    "CA1036:Override methods on comparable types",
    Justification = "Operators would read backwards: level 1 is the highest, so '<' would put the more important value on the small side. Sort with CompareTo.")]
public readonly record struct Urgency : IComparable<Urgency>
{
    /// <summary>The highest level number, which is the lowest urgency.</summary>
    public const int MaxLevel = 9;

    /// <summary>Initializes a new urgency with the given level.</summary>
    /// <param name="level">The level, 1 (highest) to <see cref="MaxLevel"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside 1 to <see cref="MaxLevel"/>.</exception>
    public Urgency(int level)
    {
        Level = Guard.InRange(level, 1, MaxLevel);
    }

    /// <summary>Gets level 1: the affected work cannot continue.</summary>
    public static Urgency High { get; } = new(1);

    /// <summary>Gets level 2: the work continues with difficulty or a workaround.</summary>
    public static Urgency Medium { get; } = new(2);

    /// <summary>Gets level 3: the work continues and a fix can wait.</summary>
    public static Urgency Low { get; } = new(3);

    /// <summary>Gets the level, 1 (highest) to <see cref="MaxLevel"/>.</summary>
    public int Level { get; }

    /// <summary>Parses a level number or one of the names <c>high</c>, <c>medium</c> and <c>low</c>.</summary>
    /// <param name="text">The text to parse; case is ignored.</param>
    /// <returns>The parsed urgency.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is neither a level from 1 to <see cref="MaxLevel"/> nor a known name.</exception>
    public static Urgency Parse(string text)
    {
        if (TryParse(Guard.NotNull(text), out var result))
        {
            return result;
        }

        throw new FormatException($"'{text}' is not a valid urgency. Use 'high', 'medium', 'low' or a level from 1 to {MaxLevel}.");
    }

    /// <summary>Tries to parse a level number or one of the names <c>high</c>, <c>medium</c> and <c>low</c>.</summary>
    /// <param name="text">The text to parse; case is ignored.</param>
    /// <param name="result">The parsed urgency, or <c>default</c> when parsing failed.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> names a valid urgency.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Urgency result)
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
            result = new Urgency(level);
        }
        else
        {
            result = default;
            return false;
        }

        return true;
    }

    /// <summary>Compares levels, so the highest urgency (level 1) sorts first.</summary>
    /// <param name="other">The urgency to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this level is smaller than, equal to or larger than the other.</returns>
    public int CompareTo(Urgency other) => Level.CompareTo(other.Level);

    /// <summary>Returns <c>High</c>, <c>Medium</c> or <c>Low</c> for levels 1 to 3, else the level number.</summary>
    /// <returns>The name or level of this urgency.</returns>
    public override string ToString() => Level switch
    {
        1 => "High",
        2 => "Medium",
        3 => "Low",
        _ => Level.ToString(CultureInfo.InvariantCulture),
    };
}
