using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using CustomerCare.Core.Serialization;

namespace CustomerCare.Core;

/// <summary>
/// The ITIL priority of a concern, P1 (most urgent) to P9, usually derived from <see cref="Impact"/> and
/// <see cref="Urgency"/> through a <see cref="PriorityMatrix"/>.
/// </summary>
/// <remarks>
/// <para>
/// The common scheme uses P1 (critical) to P5 (planning). SLA policies select their targets by priority, and routing
/// serves higher priorities first. Sorting by <see cref="CompareTo(Priority)"/> puts P1 first. JSON carries the text
/// form, such as <c>"P2"</c>.
/// </para>
/// <para><c>default(Priority)</c> has level 0 and is not valid. CustomerCare APIs reject it.</para>
/// </remarks>
[JsonConverter(typeof(PriorityJsonConverter))]
[SuppressMessage(
    "Design",
    "CA1036:Override methods on comparable types",
    Justification = "Operators would read backwards: level 1 is the highest, so '<' would put the more important value on the small side. Sort with CompareTo.")]
public readonly record struct Priority : IComparable<Priority>, ISpanParsable<Priority>
{
    /// <summary>The largest level number, the least urgent priority.</summary>
    public const int MaxLevel = 9;

    /// <summary>Initializes a new priority with the given level.</summary>
    /// <param name="level">The level, 1 (most urgent) to <see cref="MaxLevel"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside 1 to <see cref="MaxLevel"/>.</exception>
    public Priority(int level)
    {
        Level = Guard.InRange(level, 1, MaxLevel);
    }

    /// <summary>Gets P1, critical: handle at once.</summary>
    public static Priority P1 { get; } = new(1);

    /// <summary>Gets P2, high.</summary>
    public static Priority P2 { get; } = new(2);

    /// <summary>Gets P3, moderate.</summary>
    public static Priority P3 { get; } = new(3);

    /// <summary>Gets P4, low.</summary>
    public static Priority P4 { get; } = new(4);

    /// <summary>Gets P5, planning: handle when capacity allows.</summary>
    public static Priority P5 { get; } = new(5);

    /// <summary>Gets the level, 1 (most urgent) to <see cref="MaxLevel"/>.</summary>
    public int Level { get; }

    /// <summary>Returns whether this priority is more urgent than <paramref name="other"/>, such as P1 over P3.</summary>
    /// <param name="other">The priority to compare with.</param>
    /// <returns><see langword="true"/> when this level is smaller.</returns>
    public bool IsMoreUrgentThan(Priority other) => Level < other.Level;

    /// <summary>Parses the text form <c>P1</c> to <c>P9</c>; case and surrounding white space are ignored.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The priority.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not 'P' followed by a level from 1 to 9.</exception>
    public static Priority Parse(string text) => Parse(Guard.NotNull(text).AsSpan());

    /// <inheritdoc cref="Parse(string)"/>
    public static Priority Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var priority)
            ? priority
            : throw new FormatException($"'{text}' is not a valid priority. Use 'P' followed by a level from 1 to {MaxLevel}, such as 'P2'.");

    /// <summary>Tries to parse the text form <c>P1</c> to <c>P9</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="priority">The priority, or <c>default</c> when parsing failed.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid priority.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Priority priority) => TryParse(text.AsSpan(), out priority);

    /// <inheritdoc cref="TryParse(string, out Priority)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out Priority priority)
    {
        var span = text.Trim();
        if (span.Length == 2 && (span[0] == 'P' || span[0] == 'p') && span[1] is >= '1' and <= '9')
        {
            priority = new Priority(span[1] - '0');
            return true;
        }

        priority = default;
        return false;
    }

    static Priority IParsable<Priority>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Priority>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Priority result) =>
        TryParse(s, out result);

    static Priority ISpanParsable<Priority>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Priority>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Priority result) =>
        TryParse(s, out result);

    /// <summary>Compares levels, so sorting puts the most urgent priority (P1) first.</summary>
    /// <param name="other">The priority to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this level is smaller than, equal to or larger than the other.</returns>
    public int CompareTo(Priority other) => Level.CompareTo(other.Level);

    /// <summary>Returns the text form, such as <c>P2</c>.</summary>
    /// <returns>'P' followed by the level.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P{Level}");
}
