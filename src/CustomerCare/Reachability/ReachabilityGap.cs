using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare;

/// <summary>A time in which no channel of the service desk is open.</summary>
/// <param name="Start">The first instant of the gap.</param>
/// <param name="End">The first instant after the gap, when a channel opens (or the end of the checked week).</param>
/// <param name="LocalStart">The start in the organization's time zone.</param>
/// <param name="LocalEnd">The end in the organization's time zone.</param>
public readonly record struct ReachabilityGap(Instant Start, Instant End, LocalDateTime LocalStart, LocalDateTime LocalEnd)
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.Create("dddd uuuu'-'MM'-'dd HH':'mm", CultureInfo.InvariantCulture);

    /// <summary>Gets the elapsed length of the gap.</summary>
    public Duration Length => End - Start;

    /// <summary>Returns the gap for people, such as <c>Saturday 2026-01-10 00:00 to Monday 2026-01-12 08:00</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Pattern.Format(LocalStart)} to {Pattern.Format(LocalEnd)}";
}
