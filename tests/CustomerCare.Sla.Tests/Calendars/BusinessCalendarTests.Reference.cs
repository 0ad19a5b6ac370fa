using CustomerCare.Sla.Calendars;
using FsCheck.Xunit;
using NodaTime;
using static CustomerCare.Sla.Tests.Calendars.CalendarArbitraries;

namespace CustomerCare.Sla.Tests.Calendars;

/// <summary>The calculator against the minute-stepping reference, on random calendars, zones and instants.</summary>
public partial class BusinessCalendarTests
{
    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 1000)]
    public void IsBusinessTime_AgreesWithReference(CalendarCase @case)
    {
        foreach (var instant in @case.Instants)
        {
            Assert.True(
                @case.Reference.IsBusinessTime(instant) == @case.Calendar.IsBusinessTime(instant),
                $"IsBusinessTime({instant})");
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 1000)]
    public void BusinessTimeBetween_AgreesWithReference(CalendarCase @case)
    {
        for (var i = 0; i + 1 < 8; i++)
        {
            var (start, finish) = (@case.Instants[i], @case.Instants[i + 1]);

            Assert.Equal(@case.Reference.BusinessTimeBetween(start, finish), @case.Calendar.BusinessTimeBetween(start, finish));
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 1000)]
    public void AddBusinessTime_AgreesWithReference(CalendarCase @case)
    {
        for (var i = 0; i < 6; i++)
        {
            var start = @case.Instants[i];
            var amount = @case.Amounts[i];

            Assert.Equal(@case.Reference.AddBusinessTime(start, amount), @case.Calendar.AddBusinessTime(start, amount));
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public void AddBusinessTime_ToNextClosing_ReturnsClosing(CalendarCase @case)
    {
        foreach (var start in @case.Instants.Take(4))
        {
            var closing = @case.Reference.NextClosing(start);
            var amount = @case.Reference.BusinessTimeBetween(start, closing);

            Assert.Equal(closing, @case.Calendar.AddBusinessTime(start, amount));
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 1000)]
    public void SubtractBusinessTime_AgreesWithReference(CalendarCase @case)
    {
        for (var i = 0; i < 6; i++)
        {
            var start = @case.Instants[i];
            var amount = @case.Amounts[i];

            Assert.Equal(@case.Reference.SubtractBusinessTime(start, amount), @case.Calendar.SubtractBusinessTime(start, amount));
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 500)]
    public void NextPreviousAndClosing_AgreeWithReference(CalendarCase @case)
    {
        foreach (var instant in @case.Instants.Take(8))
        {
            Assert.Equal(@case.Reference.NextBusinessInstant(instant), @case.Calendar.NextBusinessInstant(instant));
            Assert.Equal(@case.Reference.PreviousBusinessInstant(instant), @case.Calendar.PreviousBusinessInstant(instant));
            Assert.Equal(@case.Reference.NextClosing(instant), @case.Calendar.NextClosing(instant));
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public void BusinessDays_AgreeWithReference(CalendarCase @case)
    {
        var anchorDate = @case.Anchor.InZone(@case.Calendar.Zone).Date;
        for (var offset = -6; offset <= 6; offset++)
        {
            var date = anchorDate.PlusDays(offset);
            Assert.True(@case.Reference.IsBusinessDay(date) == @case.Calendar.IsBusinessDay(date), $"IsBusinessDay({date})");
        }

        for (var i = 0; i < 4; i++)
        {
            var start = @case.Instants[i];
            var days = i * 2;
            var result = @case.Calendar.AddBusinessDays(start, days);

            Assert.Equal(@case.Reference.AddBusinessDays(start, days), result);

            // A local time in a gap moves forward, in America/Nuuk even past midnight into the next date.
            var zone = @case.Calendar.Zone;
            if (result.InZone(zone).TimeOfDay == start.InZone(zone).TimeOfDay)
            {
                Assert.Equal(days, @case.Calendar.BusinessDaysBetween(start, result));
            }
        }
    }

    [Property(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 300)]
    public void GetBusinessSpans_AgreeWithReference(CalendarCase @case)
    {
        var start = Instant.Min(@case.Instants[0], @case.Instants[1]);
        var end = Instant.Max(@case.Instants[0], @case.Instants[1]);

        var spans = @case.Calendar.GetBusinessSpans(start, end);

        var expected = new List<Interval>();
        var minute = Duration.FromMinutes(1);
        for (var t = start; t < end; t += minute)
        {
            if (!@case.Reference.IsBusinessTime(t))
            {
                continue;
            }

            if (expected.Count > 0 && expected[^1].End == t)
            {
                expected[^1] = new Interval(expected[^1].Start, t + minute);
            }
            else
            {
                expected.Add(new Interval(t, t + minute));
            }
        }

        Assert.Equal(expected, spans);
    }
}
