using NodaTime;

namespace CustomerCare.Sop.Tests;

public class TimerDelayTests
{
    private static readonly Instant Friday = Instant.FromUtc(2026, 1, 9, 16, 0);

    [Fact]
    public void DueFrom_Elapsed_NeedsNoCalendar()
    {
        Assert.Equal(Friday + Duration.FromHours(10), TimerDelay.Elapsed(Duration.FromHours(10)).DueFrom(Friday, null));
        Assert.False(TimerDelay.Elapsed(Duration.FromHours(10)).NeedsCalendar);
    }

    [Fact]
    public void DueFrom_Business_UsesCalendar()
    {
        var calendar = new WeekdayCalendar();

        Assert.Equal(Instant.FromUtc(2026, 1, 13, 16, 0), TimerDelay.BusinessDays(2).DueFrom(Friday, calendar));
        Assert.Equal(Instant.FromUtc(2026, 1, 12, 4, 0), TimerDelay.BusinessTime(Duration.FromHours(12)).DueFrom(Friday, calendar));
        Assert.Throws<InvalidOperationException>(() => TimerDelay.BusinessDays(2).DueFrom(Friday, null));
        Assert.Throws<InvalidOperationException>(() => default(TimerDelay).DueFrom(Friday, calendar));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(366)]
    public void BusinessDays_OutOfRange_Throws(int days)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimerDelay.BusinessDays(days));
    }

    [Fact]
    public void Factories_NonPositive_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimerDelay.Elapsed(Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimerDelay.BusinessTime(Duration.FromSeconds(-1)));
    }

    [Fact]
    public void Equality_AndText()
    {
        Assert.True(TimerDelay.BusinessDays(3) == TimerDelay.BusinessDays(3));
        Assert.True(TimerDelay.BusinessDays(3) != TimerDelay.BusinessDays(4));
        Assert.NotEqual(TimerDelay.Elapsed(Duration.FromHours(1)), TimerDelay.BusinessTime(Duration.FromHours(1)));
        Assert.Equal("3 business days", TimerDelay.BusinessDays(3).ToString());
        Assert.Equal("4:00:00 business time", TimerDelay.BusinessTime(Duration.FromHours(4)).ToString());
    }
}
