using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// The fixed-point scale of the calendar engine: instants and local date-times as 64-bit nanoseconds since
/// 1970-01-01T00:00, and local dates as day numbers since 1970-01-01.
/// </summary>
/// <remarks>
/// Signed 64-bit nanoseconds cover about ±292 years, so the engine supports instants from 1900-01-01 to
/// 2150-01-01 UTC: 250 years, which keeps every difference of two supported instants representable as well.
/// </remarks>
internal static class TimeScale
{
    public const long NanosecondsPerDay = NodaConstants.NanosecondsPerDay;

    private const int UnixEpochDayNumber = 719_162;

    public static Instant MinInstant { get; } = Instant.FromUtc(1900, 1, 1, 0, 0);

    public static Instant MaxInstant { get; } = Instant.FromUtc(2150, 1, 1, 0, 0);

    public static long MinNanoseconds { get; } = ToNanoseconds(MinInstant);

    public static long MaxNanoseconds { get; } = ToNanoseconds(MaxInstant);

    public static bool IsSupported(Instant instant) => instant >= MinInstant && instant <= MaxInstant;

    public static long ToNanoseconds(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    public static Instant ToInstant(long nanoseconds) => NodaConstants.UnixEpoch.PlusNanoseconds(nanoseconds);

    public static int DayNumber(LocalDate date) => date.ToDateOnly().DayNumber - UnixEpochDayNumber;

    public static LocalDate DateOf(int dayNumber) => LocalDate.FromDateOnly(DateOnly.FromDayNumber(dayNumber + UnixEpochDayNumber));

    /// <summary>Returns the ISO day of the week as 0 (Monday) to 6 (Sunday); day 0, 1970-01-01, was a Thursday.</summary>
    public static int WeekdayIndex(int dayNumber) => (int)(((dayNumber + 3) % 7 + 7) % 7);

    public static LocalDateTime ToLocalDateTime(long localNanoseconds)
    {
        var day = Math.DivRem(localNanoseconds, NanosecondsPerDay, out var nanosecondOfDay);
        if (nanosecondOfDay < 0)
        {
            day--;
            nanosecondOfDay += NanosecondsPerDay;
        }

        return DateOf((int)day).At(LocalTime.FromNanosecondsSinceMidnight(nanosecondOfDay));
    }
}
