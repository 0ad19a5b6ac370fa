using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// A range of local times of day, such as <c>08:00-18:00</c>, that opens at <see cref="Start"/> and closes at
/// <see cref="End"/>. Business calendars use it for weekly hours, date overrides and breaks.
/// </summary>
/// <remarks>
/// <para>
/// A range whose end is not after its start runs into the next day: <c>22:00-06:00</c> is an overnight shift from
/// 22:00 to 06:00 the next morning, and it belongs to the day it starts on. An end of 00:00 therefore means the next
/// local midnight, which the text form writes as <c>24:00</c>: <c>08:00-24:00</c> and <c>08:00-00:00</c> are the
/// same range. <c>00:00-24:00</c> is a whole day, and a range whose start equals its end lasts 24 hours.
/// </para>
/// <para>
/// The text form is <c>HH:mm-HH:mm</c>, with optional seconds and fractions (<c>HH:mm:ss.fffffffff</c>), in the
/// invariant culture. <c>24:00</c> is accepted as an end only.
/// </para>
/// <para><c>default(LocalTimeRange)</c> is <c>00:00-24:00</c>, a whole day. This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct LocalTimeRange : IEquatable<LocalTimeRange>
{
    private const long NanosecondsPerDay = NodaConstants.NanosecondsPerDay;

    private static readonly LocalTimePattern MinutePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>Initializes a new range.</summary>
    /// <param name="start">The opening time of day.</param>
    /// <param name="end">The closing time of day. When it is not after <paramref name="start"/>, it falls on the next day.</param>
    public LocalTimeRange(LocalTime start, LocalTime end)
    {
        Start = start;
        End = end;
    }

    /// <summary>Gets the opening time of day.</summary>
    public LocalTime Start { get; }

    /// <summary>Gets the closing time of day; 00:00 stands for the next midnight (<c>24:00</c>).</summary>
    public LocalTime End { get; }

    /// <summary>Gets whether the range closes on the next day, at midnight or later.</summary>
    public bool EndsNextDay => End <= Start;

    /// <summary>Gets whether the range runs past midnight into the next day, such as <c>22:00-06:00</c>.</summary>
    public bool IsOvernight => EndNanoseconds > NanosecondsPerDay;

    /// <summary>Gets the local length of the range on an ordinary day without a daylight-saving change, from 1 nanosecond to 24 hours.</summary>
    public Duration Length => Duration.FromNanoseconds(EndNanoseconds - StartNanoseconds);

    /// <summary>Gets the opening as nanoseconds after the start day's midnight.</summary>
    internal long StartNanoseconds => Start.NanosecondOfDay;

    /// <summary>Gets the closing as nanoseconds after the start day's midnight: more than the start and at most 24 hours after it.</summary>
    internal long EndNanoseconds => EndsNextDay ? End.NanosecondOfDay + NanosecondsPerDay : End.NanosecondOfDay;

    /// <summary>Parses the text form, such as <c>08:00-12:30</c>, <c>22:00-06:00</c> or <c>13:00-24:00</c>.</summary>
    /// <param name="text">The text to parse; surrounding white space is ignored.</param>
    /// <returns>The range.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not two times of day joined by '-'. The message names the invalid part.</exception>
    public static LocalTimeRange Parse(string text)
    {
        Guard.NotNull(text);
        return TryParse(text, out var range, out var reason)
            ? range
            : throw new FormatException($"'{text}' is not a valid time range because {reason}. Use 'HH:mm-HH:mm', such as '08:00-18:00' or '22:00-06:00'.");
    }

    /// <summary>Tries to parse the text form, such as <c>08:00-12:30</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="range">The range, or <c>default</c> when parsing failed.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out LocalTimeRange range) => TryParse(text, out range, out _);

    internal static bool TryParse([NotNullWhen(true)] string? text, out LocalTimeRange range, [NotNullWhen(false)] out string? reason)
    {
        range = default;
        if (text is null)
        {
            reason = "it is missing";
            return false;
        }

        var trimmed = text.Trim();
        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0 || trimmed.IndexOf('-', dash + 1) >= 0)
        {
            reason = "it needs exactly one '-' between the start and the end";
            return false;
        }

        var startText = trimmed[..dash].Trim();
        var endText = trimmed[(dash + 1)..].Trim();
        if (!TryParseTime(startText, allowTwentyFour: false, out var start))
        {
            reason = startText is "24:00" or "24:00:00"
                ? "the start is 24:00, which is allowed as an end only"
                : $"the start '{startText}' is not a time of day from 00:00 to 23:59:59";
            return false;
        }

        if (!TryParseTime(endText, allowTwentyFour: true, out var end))
        {
            reason = $"the end '{endText}' is not a time of day from 00:00 to 24:00";
            return false;
        }

        range = new LocalTimeRange(start, end);
        reason = null;
        return true;
    }

    /// <summary>Returns the text form, such as <c>08:00-18:00</c>; a closing at midnight is written <c>24:00</c>.</summary>
    /// <returns>The range as text.</returns>
    public override string ToString() => FormatTime(Start, isEnd: false) + "-" + FormatTime(End, isEnd: true);

    /// <summary>Returns whether both ranges have the same start and end.</summary>
    /// <param name="other">The range to compare with.</param>
    /// <returns><see langword="true"/> when the ranges are equal.</returns>
    public bool Equals(LocalTimeRange other) => Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is LocalTimeRange other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Start, End);

    /// <summary>Returns whether both ranges have the same start and end.</summary>
    /// <param name="left">The first range.</param>
    /// <param name="right">The second range.</param>
    /// <returns><see langword="true"/> when the ranges are equal.</returns>
    public static bool operator ==(LocalTimeRange left, LocalTimeRange right) => left.Equals(right);

    /// <summary>Returns whether the ranges differ in start or end.</summary>
    /// <param name="left">The first range.</param>
    /// <param name="right">The second range.</param>
    /// <returns><see langword="true"/> when the ranges differ.</returns>
    public static bool operator !=(LocalTimeRange left, LocalTimeRange right) => !left.Equals(right);

    private static bool TryParseTime(string text, bool allowTwentyFour, out LocalTime time)
    {
        if (allowTwentyFour && text is "24:00" or "24:00:00")
        {
            time = LocalTime.Midnight;
            return true;
        }

        var result = MinutePattern.Parse(text);
        if (!result.Success)
        {
            result = LocalTimePattern.ExtendedIso.Parse(text);
        }

        time = result.Success ? result.Value : default;
        return result.Success;
    }

    private static string FormatTime(LocalTime time, bool isEnd) =>
        isEnd && time == LocalTime.Midnight ? "24:00" : CalendarText.Format(time);
}
