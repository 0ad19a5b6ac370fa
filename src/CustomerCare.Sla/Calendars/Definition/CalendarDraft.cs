using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// An unvalidated calendar definition, from the builder or from JSON. Every item carries the path that names it
/// in validation errors, so both sources report problems in their own terms.
/// </summary>
internal sealed class CalendarDraft
{
    public CalendarDraft(string id, string? zoneId, DateTimeZone? zone, CalendarPaths paths)
    {
        Id = id;
        ZoneId = zoneId;
        Zone = zone;
        Paths = paths;
        for (var i = 0; i < Weekly.Length; i++)
        {
            Weekly[i] = [];
        }
    }

    public string Id { get; }

    public string? ZoneId { get; }

    public DateTimeZone? Zone { get; }

    public CalendarPaths Paths { get; }

    public bool AlwaysOpen { get; set; }

    /// <summary>Gets the weekly hours, Monday first, in the order added.</summary>
    public List<Entry<LocalTimeRange>>[] Weekly { get; } = new List<Entry<LocalTimeRange>>[7];

    public List<Entry<Holiday>> Holidays { get; } = [];

    public List<OverrideEntry> Overrides { get; } = [];

    public List<Entry<BusinessBreak>> Breaks { get; } = [];

    /// <summary>Gets problems found while reading the input, reported together with the validation errors.</summary>
    public List<ValidationError> Errors { get; } = [];

    public void AddHours(IsoDayOfWeek day, LocalTimeRange hours, string? path = null)
    {
        var list = Weekly[(int)day - 1];
        list.Add(new Entry<LocalTimeRange>(hours, path ?? Paths.Weekly(day, list.Count)));
    }

    public void AddHoliday(Holiday holiday, string? path = null) =>
        Holidays.Add(new Entry<Holiday>(holiday, path ?? Paths.Holiday(Holidays.Count)));

    public void AddOverride(DateOverride dateOverride, string? path = null, Func<int, string>? hourPath = null)
    {
        var overridePath = path ?? Paths.Override(Overrides.Count);
        var hourPaths = new string[dateOverride.Hours.Count];
        for (var i = 0; i < hourPaths.Length; i++)
        {
            hourPaths[i] = hourPath?.Invoke(i) ?? Paths.OverrideHours(overridePath, i);
        }

        Overrides.Add(new OverrideEntry(dateOverride, overridePath, hourPaths));
    }

    public void AddBreak(BusinessBreak pause, string? path = null) =>
        Breaks.Add(new Entry<BusinessBreak>(pause, path ?? Paths.Break(Breaks.Count)));

    /// <summary>One item of a definition and where it is.</summary>
    public readonly record struct Entry<T>(T Value, string Path);

    /// <summary>A date override, where it is, and where each of its hours is.</summary>
    public sealed record OverrideEntry(DateOverride Value, string Path, string[] HourPaths);
}
