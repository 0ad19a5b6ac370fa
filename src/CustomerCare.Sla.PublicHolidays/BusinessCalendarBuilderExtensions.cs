using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using Microsoft.Extensions.Logging;

namespace CustomerCare.Sla.PublicHolidays;

/// <summary>Adds imported public holidays to a <see cref="BusinessCalendarBuilder"/>.</summary>
public static class BusinessCalendarBuilderExtensions
{
    /// <summary>Adds the public holidays of a region for a range of years.</summary>
    /// <param name="builder">The calendar builder.</param>
    /// <param name="region">The region, such as <c>DE-BY</c> or <c>US</c>; see <see cref="PublicHolidayImporter.Import(string, int, int, PublicHolidayImportOptions?, ILogger?)"/>.</param>
    /// <param name="fromYear">The first year.</param>
    /// <param name="toYear">The last year.</param>
    /// <param name="configure">Deactivates holidays or changes naming; optional.</param>
    /// <param name="logger">Receives one summary line; optional.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="region"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">The region or years are invalid, or a deactivation matches no imported holiday.</exception>
    public static BusinessCalendarBuilder AddPublicHolidays(
        this BusinessCalendarBuilder builder,
        string region,
        int fromYear,
        int toYear,
        Action<PublicHolidayImportOptions>? configure = null,
        ILogger? logger = null)
    {
        Guard.NotNull(builder);
        var options = new PublicHolidayImportOptions();
        configure?.Invoke(options);
        return builder.AddHolidays(PublicHolidayImporter.Import(region, fromYear, toYear, options, logger).Holidays);
    }
}
