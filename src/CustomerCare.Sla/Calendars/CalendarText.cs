using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Sla.Calendars;

/// <summary>Culture-invariant text forms of dates, used in messages, paths and the JSON format.</summary>
internal static class CalendarText
{
    private static readonly LocalTimePattern MinutePattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalTimePattern SecondPattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm':'ss");

    public static LocalDatePattern DatePattern { get; } = LocalDatePattern.Iso;

    public static AnnualDatePattern AnnualPattern { get; } = AnnualDatePattern.Iso;

    public static string Format(LocalDate date) => DatePattern.Format(date);

    public static string Format(AnnualDate date) => AnnualPattern.Format(date);

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static string Format(Duration duration) => DurationPattern.Roundtrip.Format(duration);

    /// <summary>Formats a time of day as <c>HH:mm</c>, with seconds and a fraction only when they are not zero.</summary>
    public static string Format(LocalTime time)
    {
        if (time.Second == 0 && time.NanosecondOfSecond == 0)
        {
            return MinutePattern.Format(time);
        }

        return time.NanosecondOfSecond == 0 ? SecondPattern.Format(time) : LocalTimePattern.ExtendedIso.Format(time);
    }
}
