using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.PublicHolidays;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using PublicHoliday;
using Holiday = CustomerCare.Sla.Calendars.Holiday;

namespace CustomerCare.Sla.PublicHolidays.Tests;

public class PublicHolidayImporterTests
{
    [Fact]
    public void Import_Bavaria2026_ReturnsThirteenHolidays()
    {
        var import = PublicHolidayImporter.Import("de-by", 2026, 2026);

        Assert.Equal("DE-BY", import.Region);
        Assert.Equal(13, import.Holidays.Count);
        Assert.Equal(13, import.ActiveCount);
        Assert.Equal(0, import.DeactivatedCount);
        Assert.Contains(Holiday.OnDate(new LocalDate(2026, 6, 4), "Corpus Christi"), import.Holidays);
        Assert.Contains(Holiday.OnDate(new LocalDate(2026, 1, 6), "Epiphany"), import.Holidays);
        Assert.Equal(import.Holidays.OrderBy(h => h.Date).ToArray(), import.Holidays);
        Assert.Equal("DE-BY 2026-2026: 13 holidays, 0 deactivated", import.ToString());
    }

    [Fact]
    public void Import_WholeCountry_LeavesOutRegionalHolidays()
    {
        var import = PublicHolidayImporter.Import("DE", 2026, 2026);

        Assert.Equal(9, import.Holidays.Count);
        Assert.DoesNotContain(import.Holidays, h => h.Name == "Corpus Christi");
    }

    [Fact]
    public void Deactivate_ByKey_AppliesToEveryYear()
    {
        var import = PublicHolidayImporter.Import("DE-BY", 2026, 2027, new PublicHolidayImportOptions().Deactivate("corpuschristi"));

        var corpusChristi = import.Holidays.Where(h => h.Name == "Corpus Christi").ToArray();

        Assert.Equal(2, corpusChristi.Length);
        Assert.All(corpusChristi, h => Assert.False(h.IsActive));
        Assert.Equal(2, import.DeactivatedCount);
        Assert.Equal(24, import.ActiveCount);
    }

    [Fact]
    public void Deactivate_ByNameOrDate_Matches()
    {
        var options = new PublicHolidayImportOptions().Deactivate("All Saints").Deactivate(new LocalDate(2026, 8, 15));

        var import = PublicHolidayImporter.Import("DE-BY", 2026, 2027, options);

        Assert.False(import.Holidays.Single(h => h.Date == new LocalDate(2026, 11, 1)).IsActive);
        Assert.False(import.Holidays.Single(h => h.Date == new LocalDate(2027, 11, 1)).IsActive);
        Assert.False(import.Holidays.Single(h => h.Date == new LocalDate(2026, 8, 15)).IsActive);
        Assert.True(import.Holidays.Single(h => h.Date == new LocalDate(2027, 8, 15)).IsActive);
        Assert.Equal(3, import.DeactivatedCount);
    }

    [Fact]
    public void Deactivate_NoMatch_Rejected()
    {
        var options = new PublicHolidayImportOptions().Deactivate("CorpusChristy").Deactivate(new LocalDate(2026, 6, 5));

        var exception = Assert.Throws<CustomerCareValidationException>(() => PublicHolidayImporter.Import("DE-BY", 2026, 2026, options));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Equal("public holidays → deactivated keys", exception.Errors[0].Path);
        Assert.Equal("matches no holiday imported for DE-BY", exception.Errors[0].Problem);
        Assert.Equal("CorpusChristy", exception.Errors[0].Value);
        Assert.Contains("CorpusChristi", exception.Errors[0].Fix, StringComparison.Ordinal);
        Assert.Equal("public holidays → deactivated dates", exception.Errors[1].Path);
        Assert.Equal("2026-06-05", exception.Errors[1].Value);
    }

    [Fact]
    public void Import_ObservedDates_ByDefault()
    {
        // Independence Day 2026 is a Saturday and is observed on Friday 3 July.
        var observed = PublicHolidayImporter.Import("US", 2026, 2026);
        var actual = PublicHolidayImporter.Import("US", 2026, 2026, new PublicHolidayImportOptions { UseObservedDates = false });

        Assert.Contains(Holiday.OnDate(new LocalDate(2026, 7, 3), "Independence Day"), observed.Holidays);
        Assert.Contains(Holiday.OnDate(new LocalDate(2026, 7, 4), "Independence Day"), actual.Holidays);
    }

    [Fact]
    public void Import_ObservedInYearBefore_CountedOnce()
    {
        // New Year's Day 2022 was a Saturday, observed on Friday 2021-12-31. The source lists it under 2021 and 2022.
        var both = PublicHolidayImporter.Import("US", 2021, 2022);
        var later = PublicHolidayImporter.Import("US", 2022, 2022);

        Assert.Single(both.Holidays, h => h.Date == new LocalDate(2021, 12, 31));
        Assert.True(both.DuplicateCount >= 1);
        Assert.DoesNotContain(later.Holidays, h => h.Date == new LocalDate(2021, 12, 31));
        Assert.Equal(1, later.OutsideRangeCount);
    }

    [Fact]
    public void Import_LocalNames_WhenAsked()
    {
        var import = PublicHolidayImporter.Import("DE-BY", 2026, 2026, new PublicHolidayImportOptions { UseLocalNames = true });

        Assert.Contains(import.Holidays, h => h.Name == "Fronleichnam");
    }

    [Theory]
    [InlineData("GB-SCT", "2026-11-30")] // St Andrew's Day
    [InlineData("AU-NSW", "2026-01-26")] // Australia Day
    [InlineData("CH-ZH", "2026-01-02")] // Berchtold's Day
    [InlineData("GB", "2026-12-28")] // Boxing Day on a Saturday, observed on Monday
    public void Import_Subdivisions_IncludeRegionalHolidays(string region, string date)
    {
        var import = PublicHolidayImporter.Import(region, 2026, 2026);

        Assert.Contains(import.Holidays, h => h.Date == NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value);
    }

    [Theory]
    [InlineData("XX", "'XX' is not a country that the PublicHoliday package supports")]
    [InlineData("PO", "'PO' is not a country that the PublicHoliday package supports")]
    [InlineData("DEU", "'DEU' is not a country that the PublicHoliday package supports")]
    [InlineData("DE-XX", "'XX' is not a subdivision of DE")]
    [InlineData("DE-ALL", "'ALL' is not a subdivision of DE")]
    [InlineData("FR-ALSACE", "'ALSACE' is not a subdivision of FR")]
    [InlineData("DE-BY-1", "'DE' is not a country that the PublicHoliday package supports")]
    public void Import_UnknownRegion_Rejected(string region, string reason)
    {
        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(() => PublicHolidayImporter.Import(region, 2026, 2026)).Errors);

        Assert.Equal("public holidays → region", error.Path);
        Assert.Contains(reason, error.Problem, StringComparison.Ordinal);
        Assert.Contains("DE, DK", error.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1899, 2026)]
    [InlineData(2026, 2150)]
    [InlineData(2027, 2026)]
    public void Import_InvalidYears_Rejected(int fromYear, int toYear)
    {
        var error = Assert.Single(Assert.Throws<CustomerCareValidationException>(() => PublicHolidayImporter.Import("DE", fromYear, toYear)).Errors);

        Assert.Equal("public holidays → years", error.Path);
    }

    [Fact]
    public void Import_SeveralProblems_ReportedTogether()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => PublicHolidayImporter.Import("XX", 2027, 2026));

        Assert.Equal(2, exception.Errors.Count);
    }

    [Fact]
    public void Import_ConfiguredSource_UsesIt()
    {
        var source = new FrancePublicHoliday { Region = FrancePublicHoliday.Regions.AlsaceMoselle };

        var import = PublicHolidayImporter.Import(source, " FR-Alsace-Moselle ", 2026, 2026);

        Assert.Equal("FR-Alsace-Moselle", import.Region);
        Assert.Contains(import.Holidays, h => h.Date == new LocalDate(2026, 12, 26));
        Assert.Throws<ArgumentNullException>(() => PublicHolidayImporter.Import((IPublicHolidays)null!, "FR", 2026, 2026));
        Assert.Throws<ArgumentException>(() => PublicHolidayImporter.Import(source, " ", 2026, 2026));
        Assert.Throws<ArgumentNullException>(() => PublicHolidayImporter.Import((string)null!, 2026, 2026));
    }

    [Fact]
    public void Import_Logger_GetsOneSummary()
    {
        var logger = new FakeLogger();

        PublicHolidayImporter.Import("DE-BY", 2026, 2026, new PublicHolidayImportOptions().Deactivate("Assumption"), logger);

        var record = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(2900, record.Id.Id);
        Assert.Equal("PublicHolidaysImported", record.Id.Name);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(
            "Imported 12 active and 1 deactivated public holidays for DE-BY from 2026 to 2026; left out 0 duplicates and 0 outside the years",
            record.Message);
    }

    [Fact]
    public async Task Import_Concurrent_SameResults()
    {
        var expected = PublicHolidayImporter.Import("DE-BY", 2020, 2030).Holidays;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PublicHolidayImporter.Import("DE-BY", 2020, 2030).Holidays)));

        Assert.All(results, result => Assert.Equal(expected, result));
    }
}
