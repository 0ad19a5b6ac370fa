using FsCheck.Xunit;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.CalendarArbitraries;

namespace CustomerCare.Sla.Tests.Calendars;

/// <summary>
/// Algebraic laws of business time on random calendars. The instants and amounts here have nanosecond precision,
/// beyond what the minute-stepping reference can check.
/// </summary>
public partial class BusinessCalendarTests
{
    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 500)]
    public void BetweenAfterAdd_ReturnsAmount(CalendarCase @case)
    {
        var random = new Random(@case.Seed);
        for (var i = 0; i < 6; i++)
        {
            var start = Jitter(@case.Instants[i], random);
            var amount = Jitter(@case.Amounts[i], random);

            var result = @case.Calendar.AddBusinessTime(start, amount);

            Assert.Equal(amount, @case.Calendar.BusinessTimeBetween(start, result));
            Assert.Equal(-amount, @case.Calendar.BusinessTimeBetween(result, start));
            Assert.Equal(amount, @case.Calendar.BusinessTimeBetween(@case.Calendar.SubtractBusinessTime(start, amount), start));
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 500)]
    public void Between_IsAdditiveAndAntisymmetric(CalendarCase @case)
    {
        var random = new Random(@case.Seed);
        for (var i = 0; i + 2 < 12; i += 3)
        {
            var a = Jitter(@case.Instants[i], random);
            var b = Jitter(@case.Instants[i + 1], random);
            var c = Jitter(@case.Instants[i + 2], random);

            Assert.Equal(@case.Calendar.BusinessTimeBetween(a, c), @case.Calendar.BusinessTimeBetween(a, b) + @case.Calendar.BusinessTimeBetween(b, c));
            Assert.Equal(-@case.Calendar.BusinessTimeBetween(a, b), @case.Calendar.BusinessTimeBetween(b, a));
            Assert.Equal(Duration.Zero, @case.Calendar.BusinessTimeBetween(a, a));
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 500)]
    public void Add_IsMonotonic(CalendarCase @case)
    {
        var random = new Random(@case.Seed);
        for (var i = 0; i + 1 < 8; i += 2)
        {
            var (early, late) = Order(Jitter(@case.Instants[i], random), Jitter(@case.Instants[i + 1], random));
            var (small, large) = Order(Jitter(@case.Amounts[i], random), Jitter(@case.Amounts[i + 1], random));

            Assert.True(@case.Calendar.AddBusinessTime(early, small) <= @case.Calendar.AddBusinessTime(early, large));
            Assert.True(@case.Calendar.AddBusinessTime(early, small) <= @case.Calendar.AddBusinessTime(late, small));
            Assert.True(@case.Calendar.SubtractBusinessTime(late, large) <= @case.Calendar.SubtractBusinessTime(late, small));
            Assert.True(@case.Calendar.BusinessTimeBetween(early, late) >= Duration.Zero);
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 500)]
    public void SubtractAndAdd_RoundTrip(CalendarCase @case)
    {
        var random = new Random(@case.Seed);
        for (var i = 0; i < 6; i++)
        {
            var start = Jitter(@case.Instants[i], random);
            var amount = Jitter(@case.Amounts[i], random);
            if (amount == Duration.Zero)
            {
                continue;
            }

            // Adding then subtracting lands on the first business instant at or after the start; subtracting then
            // adding lands on the last instant that business time precedes.
            Assert.Equal(
                @case.Calendar.NextBusinessInstant(start),
                @case.Calendar.SubtractBusinessTime(@case.Calendar.AddBusinessTime(start, amount), amount));
            Assert.Equal(
                @case.Calendar.PreviousBusinessInstant(start),
                @case.Calendar.AddBusinessTime(@case.Calendar.SubtractBusinessTime(start, amount), amount));
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public void Add_LandsOnBusinessTimeOrClosing(CalendarCase @case)
    {
        var random = new Random(@case.Seed);
        for (var i = 0; i < 6; i++)
        {
            var start = Jitter(@case.Instants[i], random);
            var amount = Jitter(@case.Amounts[i], random);
            if (amount == Duration.Zero)
            {
                continue;
            }

            var result = @case.Calendar.AddBusinessTime(start, amount);

            // The instant just before the result is business time, so the result is inside a span or on its closing.
            Assert.True(@case.Calendar.IsBusinessTime(result - Duration.Epsilon));
        }
    }

    private static Instant Jitter(Instant instant, Random random) =>
        random.Next(3) == 0 ? instant : instant + Duration.FromNanoseconds(random.NextInt64(-60_000_000_000, 60_000_000_000));

    private static Duration Jitter(Duration amount, Random random) =>
        random.Next(3) == 0 ? amount : Duration.Max(Duration.Zero, amount + Duration.FromNanoseconds(random.NextInt64(-60_000_000_000, 60_000_000_000)));

    private static (T Low, T High) Order<T>(T a, T b)
        where T : IComparable<T> =>
        a.CompareTo(b) <= 0 ? (a, b) : (b, a);
}
