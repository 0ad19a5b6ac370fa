using CustomerCare.Sla.Calendars;

namespace CustomerCare.Sla.PublicHolidays;

/// <summary>The result of a public holiday import: the holidays, and counts of what was deactivated or left out.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class PublicHolidayImport
{
    private readonly Holiday[] _holidays;

    internal PublicHolidayImport(string region, int fromYear, int toYear, Holiday[] holidays, int duplicates, int outsideRange)
    {
        Region = region;
        FromYear = fromYear;
        ToYear = toYear;
        _holidays = holidays;
        DuplicateCount = duplicates;
        OutsideRangeCount = outsideRange;
    }

    /// <summary>Gets the region the holidays belong to, such as <c>DE-BY</c>.</summary>
    public string Region { get; }

    /// <summary>Gets the first imported year.</summary>
    public int FromYear { get; }

    /// <summary>Gets the last imported year.</summary>
    public int ToYear { get; }

    /// <summary>Gets the holidays in date order, active and deactivated; add them with <c>BusinessCalendarBuilder.AddHolidays</c>.</summary>
    public IReadOnlyList<Holiday> Holidays => _holidays;

    /// <summary>Gets how many imported holidays close their date.</summary>
    public int ActiveCount => _holidays.Count(holiday => holiday.IsActive);

    /// <summary>Gets how many imported holidays are deactivated.</summary>
    public int DeactivatedCount => _holidays.Length - ActiveCount;

    /// <summary>Gets how many holidays the source listed twice, such as a New Year's Day observed in the year before, and were kept once.</summary>
    public int DuplicateCount { get; }

    /// <summary>Gets how many holidays fell outside the imported years, such as one observed on 31 December of the year before, and were left out.</summary>
    public int OutsideRangeCount { get; }

    /// <summary>Returns a summary, such as <c>DE-BY 2026-2027: 26 holidays, 1 deactivated</c>.</summary>
    /// <returns>The region, years and counts.</returns>
    public override string ToString() =>
        $"{Region} {FromYear}-{ToYear}: {_holidays.Length} holidays, {DeactivatedCount} deactivated";
}
