using System.Globalization;
using CustomerCare.Core;
using Microsoft.Extensions.Logging;
using NodaTime;
using PublicHoliday;
using Holiday = CustomerCare.Sla.Calendars.Holiday;

namespace CustomerCare.Sla.PublicHolidays;

/// <summary>
/// Imports public holidays for a country or region from the PublicHoliday package (4.0.0, MIT), which computes them
/// offline from its own rules.
/// </summary>
/// <remarks>
/// <para>
/// Import once, add the holidays to a calendar and keep the calendar, for example as JSON: the package's rules change
/// with its versions, and a calendar's holidays should not change silently. Each holiday can be deactivated, because
/// public feeds also list regional observances that are working days for a given organization.
/// </para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class PublicHolidayImporter
{
    /// <summary>Imports the public holidays of a region for a range of years.</summary>
    /// <param name="region">
    /// The region: an ISO 3166-1 country code such as <c>DE</c> or <c>US</c>, or an ISO 3166-2 subdivision where the
    /// package has one: a German state (<c>DE-BY</c>), an Australian state (<c>AU-NSW</c>), a Swiss canton (<c>CH-ZH</c>)
    /// or a country of the United Kingdom (<c>GB-SCT</c>). Case is ignored.
    /// </param>
    /// <param name="fromYear">The first year, 1900 to 2149.</param>
    /// <param name="toYear">The last year, not before <paramref name="fromYear"/> and at most 2149.</param>
    /// <param name="options">Deactivations and naming; the defaults when null.</param>
    /// <param name="logger">Receives one summary line per import; optional.</param>
    /// <returns>The holidays with counts of what was deactivated or left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="region"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">
    /// The region is unknown, the years are outside 1900 to 2149 or in the wrong order, or a deactivation matches no
    /// imported holiday. The exception lists every problem.
    /// </exception>
    public static PublicHolidayImport Import(string region, int fromYear, int toYear, PublicHolidayImportOptions? options = null, ILogger? logger = null)
    {
        Guard.NotNull(region);
        var errors = new List<ValidationError>();
        if (!PublicHolidayRegions.TryCreate(region, out var source, out var normalized, out var reason))
        {
            errors.Add(new ValidationError(
                "public holidays → region",
                $"is not supported because {reason}",
                $"Use one of {PublicHolidayRegions.Countries}, or a subdivision such as DE-BY.",
                region));
        }

        return Import(source, normalized ?? region, fromYear, toYear, options, logger, errors);
    }

    /// <summary>Imports public holidays from a calendar of the PublicHoliday package that is already configured, such as <c>new FrancePublicHoliday { Region = ... }</c>.</summary>
    /// <param name="source">The PublicHoliday calendar.</param>
    /// <param name="region">The name of the region, for the result and the log, such as <c>FR-ALSACE</c>.</param>
    /// <param name="fromYear">The first year, 1900 to 2149.</param>
    /// <param name="toYear">The last year, not before <paramref name="fromYear"/> and at most 2149.</param>
    /// <param name="options">Deactivations and naming; the defaults when null.</param>
    /// <param name="logger">Receives one summary line per import; optional.</param>
    /// <returns>The holidays with counts of what was deactivated or left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="region"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">The years are outside 1900 to 2149 or in the wrong order, or a deactivation matches no imported holiday.</exception>
    public static PublicHolidayImport Import(IPublicHolidays source, string region, int fromYear, int toYear, PublicHolidayImportOptions? options = null, ILogger? logger = null)
    {
        Guard.NotNull(source);
        Guard.NotNullOrWhiteSpace(region);
        return Import(source, region.Trim(), fromYear, toYear, options, logger, []);
    }

    private static PublicHolidayImport Import(
        IPublicHolidays? source,
        string region,
        int fromYear,
        int toYear,
        PublicHolidayImportOptions? options,
        ILogger? logger,
        List<ValidationError> errors)
    {
        options ??= new PublicHolidayImportOptions();
        if (fromYear is < 1900 or > 2149 || toYear is < 1900 or > 2149 || toYear < fromYear)
        {
            errors.Add(new ValidationError(
                "public holidays → years",
                "are outside 1900 to 2149 or in the wrong order",
                "Give a first and a last year from 1900 to 2149, the first not after the last.",
                string.Create(CultureInfo.InvariantCulture, $"{fromYear}-{toYear}")));
        }

        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }

        // The source lists a holiday under the year of its date, but its observed date can fall into the year before,
        // such as New Year's Day 2022 observed on Friday 2021-12-31 in the US. Asking one year more on each side and
        // keeping each (key, date) once catches those, and the date filter then keeps what falls into the years.
        var first = new LocalDate(fromYear, 1, 1);
        var last = new LocalDate(toYear, 12, 31);
        var seen = new HashSet<(string Key, DateTime Date)>();
        var importedNames = new HashSet<(LocalDate Date, string Name)>();
        var imported = new List<(LocalDate Date, string Key, string EnglishName, string Name)>();
        var duplicates = 0;
        var outside = 0;
        for (var year = fromYear - 1; year <= toYear + 1; year++)
        {
            foreach (var holiday in source!.PublicHolidaysInformation(year))
            {
                var key = holiday.HolidayKey ?? holiday.EnglishName;
                var date = LocalDate.FromDateTime(options.UseObservedDates ? holiday.ObservedDate : holiday.HolidayDate);
                var inYears = date >= first && date <= last;
                if (!seen.Add((key, holiday.HolidayDate)))
                {
                    duplicates += inYears ? 1 : 0;
                    continue;
                }

                if (!inYears)
                {
                    // Holidays of the extra years that stay outside are expected; only those listed in the imported
                    // years but observed outside them are counted.
                    outside += holiday.HolidayDate.Year >= fromYear && holiday.HolidayDate.Year <= toYear ? 1 : 0;
                    continue;
                }

                var name = options.UseLocalNames ? holiday.Name : holiday.EnglishName;
                if (!importedNames.Add((date, name)))
                {
                    duplicates++;
                    continue;
                }

                imported.Add((date, key, holiday.EnglishName, name));
            }
        }

        CheckDeactivations(options, imported, region);
        var holidays = imported
            .OrderBy(item => item.Date)
            .ThenBy(item => item.Name, StringComparer.Ordinal)
            .Select(item => Holiday.OnDate(item.Date, item.Name, isActive: !IsDeactivated(options, item.Date, item.Key, item.EnglishName)))
            .ToArray();
        var result = new PublicHolidayImport(region, fromYear, toYear, holidays, duplicates, outside);
        if (logger is not null)
        {
            Log.PublicHolidaysImported(logger, region, fromYear, toYear, result.ActiveCount, result.DeactivatedCount, duplicates, outside);
        }

        return result;
    }

    private static bool IsDeactivated(PublicHolidayImportOptions options, LocalDate date, string key, string englishName) =>
        options.DeactivatedDates.Contains(date) || options.DeactivatedKeys.Contains(key) || options.DeactivatedKeys.Contains(englishName);

    /// <summary>Rejects deactivations that match nothing, because a misspelled key would otherwise leave the holiday active unnoticed.</summary>
    private static void CheckDeactivations(PublicHolidayImportOptions options, List<(LocalDate Date, string Key, string EnglishName, string Name)> imported, string region)
    {
        var errors = new List<ValidationError>();
        foreach (var key in options.DeactivatedKeys.Order(StringComparer.OrdinalIgnoreCase))
        {
            if (!imported.Any(item => string.Equals(item.Key, key, StringComparison.OrdinalIgnoreCase) || string.Equals(item.EnglishName, key, StringComparison.OrdinalIgnoreCase)))
            {
                var known = string.Join(", ", imported.Select(item => item.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
                errors.Add(new ValidationError(
                    "public holidays → deactivated keys",
                    $"matches no holiday imported for {region}",
                    $"Use a key or English name of the imported holidays: {known}.",
                    key));
            }
        }

        foreach (var date in options.DeactivatedDates.Order())
        {
            if (!imported.Any(item => item.Date == date))
            {
                errors.Add(new ValidationError(
                    "public holidays → deactivated dates",
                    $"has no holiday imported for {region}",
                    "Use the date on which the holiday is imported: the observed date unless UseObservedDates is off.",
                    FormatDate(date)));
            }
        }

        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }
    }

    private static string FormatDate(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
