using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace CustomerCare.Interactions.ContactPoints;

/// <summary>Normalizes phone and fax numbers to E.164 with libphonenumber.</summary>
internal static class PhoneRules
{
    private const int MaxInputLength = 64;

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static bool IsSupportedRegion(string region) => Util.GetSupportedRegions().Contains(region);

    public static bool TryNormalize(ContactPointKind kind, string raw, string? defaultRegion, out ContactPoint point, [NotNullWhen(false)] out string? reason)
    {
        point = default;
        var trimmed = raw.Trim();
        if (trimmed.Length == 0)
        {
            reason = "it is empty";
            return false;
        }

        if (trimmed.Length > MaxInputLength)
        {
            reason = $"it has {trimmed.Length} characters and the maximum is {MaxInputLength}";
            return false;
        }

        var region = defaultRegion?.Trim().ToUpperInvariant();
        if (region is not null && !IsSupportedRegion(region))
        {
            reason = $"the default region '{defaultRegion}' is not an ISO 3166-1 region that libphonenumber knows";
            return false;
        }

        PhoneNumber number;
        try
        {
            // Region "ZZ" (unknown) makes libphonenumber accept only numbers with an international prefix.
            number = Util.Parse(trimmed, region ?? "ZZ");
        }
        catch (NumberParseException exception)
        {
            reason = exception.ErrorType switch
            {
                ErrorType.INVALID_COUNTRY_CODE when region is null && !trimmed.StartsWith('+') =>
                    "it has no international prefix such as '+49' and no default region is configured",
                ErrorType.INVALID_COUNTRY_CODE => "its country calling code is unknown",
                ErrorType.NOT_A_NUMBER => "it is not a phone number",
                ErrorType.TOO_SHORT_NSN or ErrorType.TOO_SHORT_AFTER_IDD => "it has too few digits",
                ErrorType.TOO_LONG => "it has too many digits",
                _ => "it cannot be parsed as a phone number",
            };
            return false;
        }

        if (!Util.IsValidNumber(number))
        {
            var numberRegion = Util.GetRegionCodeForNumber(number) ?? Util.GetRegionCodeForCountryCode(number.CountryCode);
            reason = $"it is not a valid number in region {numberRegion} (country code +{number.CountryCode}): the digits do not match any number range there";
            return false;
        }

        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        point = new ContactPoint(kind, null, e164, trimmed, null);
        reason = null;
        return true;
    }
}
