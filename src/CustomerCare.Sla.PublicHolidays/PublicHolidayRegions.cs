using System.Diagnostics.CodeAnalysis;
using PublicHoliday;

namespace CustomerCare.Sla.PublicHolidays;

/// <summary>
/// Maps region codes to the PublicHoliday package's calendars: ISO 3166-1 country codes such as <c>DE</c>, and
/// ISO 3166-2 subdivisions where the package supports them: German states (<c>DE-BY</c>), Australian states
/// (<c>AU-NSW</c>), Swiss cantons (<c>CH-ZH</c>) and the countries of the United Kingdom (<c>GB-SCT</c>).
/// </summary>
internal static class PublicHolidayRegions
{
    private static readonly Dictionary<string, UKBankHoliday.UkCountries> UkCountries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ENG"] = UKBankHoliday.UkCountries.England,
        ["WLS"] = UKBankHoliday.UkCountries.Wales,
        ["SCT"] = UKBankHoliday.UkCountries.Scotland,
        ["NIR"] = UKBankHoliday.UkCountries.NorthernIreland,
    };

    /// <summary>Gets the supported country codes, such as <c>AT, AU, BE, ...</c>.</summary>
    public static string Countries { get; } = string.Join(
        ", ",
        Enum.GetNames<PublicHolidayCountryCode>()
            .Where(name => name != nameof(PublicHolidayCountryCode.Po))
            .Select(name => name.ToUpperInvariant())
            .Order(StringComparer.Ordinal));

    public static bool TryCreate(
        string region,
        [NotNullWhen(true)] out IPublicHolidays? source,
        [NotNullWhen(true)] out string? normalized,
        [NotNullWhen(false)] out string? reason)
    {
        source = null;
        normalized = region.Trim().ToUpperInvariant();
        var parts = normalized.Split('-');
        var country = parts[0];
        if (parts.Length > 2 || country.Length != 2 || country == "PO" || !Enum.TryParse<PublicHolidayCountryCode>(country, ignoreCase: true, out var code))
        {
            reason = $"'{country}' is not a country that the PublicHoliday package supports";
            return false;
        }

        if (parts.Length == 1)
        {
            source = PublicHolidayFactory.GetPublicHolidayForCountry(code);
            reason = null;
            return true;
        }

        var subdivision = parts[1];
        source = code switch
        {
            PublicHolidayCountryCode.De when TryParseSubdivision<GermanPublicHoliday.States>(subdivision, out var state) =>
                new GermanPublicHoliday { State = state },
            PublicHolidayCountryCode.Au when TryParseSubdivision<AustraliaPublicHoliday.States>(subdivision, out var state) =>
                new AustraliaPublicHoliday { State = state },
            PublicHolidayCountryCode.Ch when TryParseSubdivision<SwitzerlandPublicHoliday.Cantons>(subdivision, out var canton) =>
                new SwitzerlandPublicHoliday(hasSecondJanuary: false, hasLaborDay: false, hasCorpusChristi: false) { Canton = canton },
            PublicHolidayCountryCode.Gb when UkCountries.TryGetValue(subdivision, out var ukCountry) => new UKBankHoliday(ukCountry),
            _ => null,
        };

        reason = source is null
            ? $"'{subdivision}' is not a subdivision of {country} that the PublicHoliday package supports; subdivisions exist for DE (states such as BY), AU (states such as NSW), CH (cantons such as ZH) and GB (ENG, WLS, SCT, NIR)"
            : null;
        return source is not null;
    }

    private static bool TryParseSubdivision<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value)
        && !int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
        && !string.Equals(value.ToString(), "All", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(value.ToString(), "OnlyOfficial", StringComparison.OrdinalIgnoreCase);
}
