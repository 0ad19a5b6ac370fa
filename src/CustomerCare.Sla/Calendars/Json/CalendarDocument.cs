using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Sla.Calendars.Json;

/// <summary>
/// The JSON form of a business calendar. Dates and hours stay strings here, so the reader can report every
/// malformed value with its path instead of stopping at the first.
/// </summary>
internal sealed class CalendarDocument
{
    public string? Id { get; set; }

    public string? TimeZone { get; set; }

    public bool? AlwaysOpen { get; set; }

    public Dictionary<string, List<string?>?>? Weekly { get; set; }

    public List<HolidayDocument?>? Holidays { get; set; }

    public List<OverrideDocument?>? Overrides { get; set; }

    public List<BreakDocument?>? Breaks { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The JSON form of a holiday: exactly one of <c>date</c> (<c>yyyy-MM-dd</c>) and <c>annual</c> (<c>MM-dd</c>).</summary>
internal sealed class HolidayDocument
{
    public string? Date { get; set; }

    public string? Annual { get; set; }

    public string? Name { get; set; }

    public bool? Active { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The JSON form of a date override; an empty <c>hours</c> array closes the date.</summary>
internal sealed class OverrideDocument
{
    public string? Date { get; set; }

    public List<string?>? Hours { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>The JSON form of a break.</summary>
internal sealed class BreakDocument
{
    public string? Date { get; set; }

    public string? Hours { get; set; }

    public string? Reason { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
