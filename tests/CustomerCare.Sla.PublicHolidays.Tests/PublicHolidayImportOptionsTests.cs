using NodaTime;

namespace CustomerCare.Sla.PublicHolidays.Tests;

public class PublicHolidayImportOptionsTests
{
    [Fact]
    public void Defaults_ObservedDatesAndEnglishNames()
    {
        var options = new PublicHolidayImportOptions();

        Assert.True(options.UseObservedDates);
        Assert.False(options.UseLocalNames);
        Assert.Empty(options.DeactivatedKeys);
        Assert.Empty(options.DeactivatedDates);
    }

    [Fact]
    public void Deactivate_CollectsKeysAndDates()
    {
        var options = new PublicHolidayImportOptions()
            .Deactivate(" CorpusChristi ")
            .Deactivate("corpuschristi")
            .Deactivate(new LocalDate(2026, 8, 15));

        Assert.Equal(["CorpusChristi"], options.DeactivatedKeys);
        Assert.Equal([new LocalDate(2026, 8, 15)], options.DeactivatedDates);
        Assert.Throws<ArgumentException>(() => options.Deactivate(" "));
        Assert.Throws<ArgumentNullException>(() => options.Deactivate(null!));
    }
}
