using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// Validates a <see cref="CalendarDraft"/>, reporting every problem at once, and compiles it into a
/// <see cref="BusinessCalendar"/>.
/// </summary>
internal static class CalendarCompiler
{
    private const long Day = TimeScale.NanosecondsPerDay;

    private const string SeparateFix =
        "Change the hours so they do not overlap. Hours that only touch, such as 08:00-12:00 and 12:00-14:00, are joined.";

    public static BusinessCalendar Compile(CalendarDraft draft)
    {
        var errors = new List<ValidationError>(draft.Errors);
        var id = ValidateId(draft.Id, draft.Paths.Id, errors);
        var zone = draft.Zone ?? ResolveZone(draft.ZoneId, draft.Paths.TimeZone, errors);

        var weekly = new List<Slot>[7];
        for (var day = 0; day < 7; day++)
        {
            weekly[day] = CheckAndJoin(Slots(draft.Weekly[day]), errors);
        }

        for (var day = 0; day < 7; day++)
        {
            var next = (IsoDayOfWeek)((day + 1) % 7 + 1);
            CheckSpillInto(weekly[day], Slots(draft.Weekly[(day + 1) % 7]), next.ToString(), errors);
        }

        var overrides = CheckOverrides(draft, weekly, errors);
        var breaks = CheckBreaks(draft, weekly, overrides, errors);
        CheckHolidays(draft, errors);

        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }

        var holidayDays = new HashSet<int>();
        var annualHolidays = new bool[13 * 32];
        foreach (var (holiday, _) in draft.Holidays)
        {
            if (!holiday.IsActive)
            {
                continue;
            }

            if (holiday.Date is { } date)
            {
                holidayDays.Add(TimeScale.DayNumber(date));
            }
            else
            {
                annualHolidays[holiday.AnnualDate!.Value.Month * 32 + holiday.AnnualDate.Value.Day] = true;
            }
        }

        var schedule = new CompiledSchedule(
            zone!,
            [.. weekly.Select(ToPairs)],
            overrides.ToDictionary(pair => pair.Key, pair => ToPairs(pair.Value)),
            holidayDays,
            annualHolidays,
            breaks);

        return new BusinessCalendar(
            id!,
            isAlwaysOpen: false,
            [.. draft.Weekly.Select(list => list.Select(entry => entry.Value).ToArray())],
            [.. draft.Holidays.Select(entry => entry.Value)],
            [.. draft.Overrides.Select(entry => entry.Value)],
            [.. draft.Breaks.Select(entry => entry.Value)],
            schedule);
    }

    public static BusinessCalendar CompileAlwaysOpen(string id, DateTimeZone zone, string idPath)
    {
        var errors = new List<ValidationError>();
        var normalized = ValidateId(id, idPath.Length == 0 ? "always-open calendar → id" : idPath, errors);
        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }

        var wholeDay = new LocalTimeRange(LocalTime.Midnight, LocalTime.Midnight);
        var weekly = new long[7][];
        var hours = new LocalTimeRange[7][];
        for (var day = 0; day < 7; day++)
        {
            weekly[day] = [0, Day];
            hours[day] = [wholeDay];
        }

        var schedule = new CompiledSchedule(zone, weekly, [], [], new bool[13 * 32], []);
        return new BusinessCalendar(normalized!, isAlwaysOpen: true, hours, [], [], [], schedule);
    }

    internal static string? ValidateId(string id, string path, List<ValidationError> errors)
    {
        if (NameToken.TryNormalize(id, out var normalized, out var reason))
        {
            return normalized;
        }

        errors.Add(new ValidationError(
            path,
            $"is not a valid calendar id because {reason}",
            "Use 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter, such as 'berlin-support'.",
            id));
        return null;
    }

    internal static DateTimeZone? ResolveZone(string? zoneId, string path, List<ValidationError> errors)
    {
        var zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId.Trim());
        if (zone is null)
        {
            errors.Add(new ValidationError(
                path,
                zoneId is null ? "is missing" : "is not a time zone id of the IANA time zone database",
                $"Use an IANA id such as 'Europe/Berlin' or 'America/New_York' (tzdb {NodaTime.TimeZones.TzdbDateTimeZoneSource.Default.TzdbVersion}).",
                zoneId));
        }

        return zone;
    }

    private static Dictionary<int, List<Slot>> CheckOverrides(CalendarDraft draft, List<Slot>[] weekly, List<ValidationError> errors)
    {
        var joined = new Dictionary<int, List<Slot>>();
        var slots = new Dictionary<int, List<Slot>>();
        var firstPaths = new Dictionary<int, string>();
        foreach (var entry in draft.Overrides)
        {
            var day = TimeScale.DayNumber(entry.Value.Date);
            if (firstPaths.TryGetValue(day, out var firstPath))
            {
                errors.Add(new ValidationError(
                    entry.Path,
                    $"is a second override for {CalendarText.Format(entry.Value.Date)}; the first is at {firstPath}",
                    "Keep one override per date and list all its hours there.",
                    entry.Value.ToString()));
                continue;
            }

            firstPaths.Add(day, entry.Path);
            var own = entry.Value.Hours.Select((hours, i) => new Slot(hours, entry.HourPaths[i])).ToList();
            slots.Add(day, own);
            joined.Add(day, CheckAndJoin(own, errors));
        }

        foreach (var (day, own) in slots)
        {
            var date = TimeScale.DateOf(day);
            CheckSpillInto(HoursOf(day - 1, weekly, joined), own, DescribeDate(date), errors);

            // Overrides on consecutive dates are checked once, by the later one above.
            if (!joined.ContainsKey(day + 1))
            {
                var next = date.PlusDays(1);
                CheckSpillOut(joined[day], Slots(draft.Weekly[(int)next.DayOfWeek - 1]), DescribeDate(next), errors);
            }
        }

        return joined;
    }

    private static Dictionary<int, long[]> CheckBreaks(
        CalendarDraft draft,
        List<Slot>[] weekly,
        Dictionary<int, List<Slot>> overrides,
        List<ValidationError> errors)
    {
        var closed = new Dictionary<int, List<Slot>>();
        var firstPaths = new Dictionary<(LocalDate, LocalTimeRange), string>();
        foreach (var (pause, path) in draft.Breaks)
        {
            if (pause.Hours.IsOvernight)
            {
                errors.Add(new ValidationError(
                    path,
                    "runs past midnight, but a break must end on its own date, at 24:00 at the latest",
                    "Split it into one break on each date.",
                    pause.ToString()));
                continue;
            }

            if (!firstPaths.TryAdd((pause.Date, pause.Hours), path))
            {
                errors.Add(new ValidationError(path, $"duplicates the break at {firstPaths[(pause.Date, pause.Hours)]}", "Remove one of them.", pause.ToString()));
                continue;
            }

            var day = TimeScale.DayNumber(pause.Date);
            var open = OpenHoursOn(day, weekly, overrides);
            var slot = new Slot(pause.Hours, path);
            if (!open.Any(hours => hours.Start < slot.End && slot.Start < hours.End))
            {
                var description = open.Count == 0 ? "none" : string.Join(", ", open.Select(hours => FormatLocal(hours.Start) + "-" + FormatLocal(hours.End)));
                errors.Add(new ValidationError(
                    path,
                    $"lies outside the business hours of {DescribeDate(pause.Date)}, which are {description}",
                    "Move the break into the hours of that date, or remove it.",
                    pause.ToString()));
                continue;
            }

            if (!closed.TryGetValue(day, out var list))
            {
                closed.Add(day, list = []);
            }

            list.Add(slot);
        }

        return closed.ToDictionary(pair => pair.Key, pair => ToPairs(Join(pair.Value)));
    }

    private static void CheckHolidays(CalendarDraft draft, List<ValidationError> errors)
    {
        var firstPaths = new Dictionary<(LocalDate?, AnnualDate?, string?), string>();
        foreach (var (holiday, path) in draft.Holidays)
        {
            if (!firstPaths.TryAdd((holiday.Date, holiday.AnnualDate, holiday.Name), path))
            {
                errors.Add(new ValidationError(
                    path,
                    $"duplicates the holiday at {firstPaths[(holiday.Date, holiday.AnnualDate, holiday.Name)]}",
                    "Remove one of them; to switch a holiday off, keep one entry and deactivate it.",
                    holiday.ToString()));
            }
        }
    }

    /// <summary>Returns the joined hours that start on the date with day number <paramref name="day"/>.</summary>
    private static List<Slot> HoursOf(int day, List<Slot>[] weekly, Dictionary<int, List<Slot>> overrides) =>
        overrides.TryGetValue(day, out var special) ? special : weekly[TimeScale.WeekdayIndex(day)];

    /// <summary>Returns the open local hours within one date: its own hours up to midnight and the overnight part of the day before.</summary>
    private static List<(long Start, long End)> OpenHoursOn(int day, List<Slot>[] weekly, Dictionary<int, List<Slot>> overrides)
    {
        var open = new List<(long Start, long End)>();
        var before = HoursOf(day - 1, weekly, overrides);
        if (before.Count > 0 && before[^1].End > Day)
        {
            open.Add((0, before[^1].End - Day));
        }

        foreach (var slot in HoursOf(day, weekly, overrides))
        {
            open.Add((slot.Start, Math.Min(slot.End, Day)));
        }

        return open;
    }

    /// <summary>Reports hours that overlap each other, and returns the hours sorted and joined where they touch.</summary>
    private static List<Slot> CheckAndJoin(List<Slot> slots, List<ValidationError> errors)
    {
        var sorted = slots.OrderBy(slot => slot.Start).ToList();
        Slot? reach = null;
        foreach (var slot in sorted)
        {
            if (reach is not null && slot.Start < reach.End)
            {
                errors.Add(new ValidationError(slot.Path, $"overlaps {reach.Hours} at {reach.Path}", SeparateFix, slot.Hours.ToString()));
            }

            if (reach is null || slot.End > reach.End)
            {
                reach = slot;
            }
        }

        return Join(sorted);
    }

    private static List<Slot> Join(List<Slot> slots)
    {
        var joined = new List<Slot>(slots.Count);
        foreach (var slot in slots.OrderBy(slot => slot.Start))
        {
            if (joined.Count > 0 && slot.Start <= joined[^1].End)
            {
                // The joined slot keeps the hours that reach furthest, so spill messages can name them.
                if (slot.End > joined[^1].End)
                {
                    joined[^1] = slot with { Start = joined[^1].Start };
                }

                continue;
            }

            joined.Add(slot);
        }

        return joined;
    }

    /// <summary>Reports hours of the next date that overlap the overnight part of <paramref name="previous"/>.</summary>
    private static void CheckSpillInto(List<Slot> previous, List<Slot> next, string nextDay, List<ValidationError> errors)
    {
        if (previous.Count == 0 || previous[^1].End <= Day)
        {
            return;
        }

        var spill = previous[^1];
        foreach (var slot in next.Where(slot => slot.Start < spill.End - Day))
        {
            errors.Add(new ValidationError(
                slot.Path,
                $"overlaps the overnight hours {spill.Hours} at {spill.Path}, which run until {FormatLocal(spill.End - Day)} on {nextDay}",
                SeparateFix,
                slot.Hours.ToString()));
        }
    }

    /// <summary>Reports the overnight part of an override that overlaps the weekly hours of the next date.</summary>
    private static void CheckSpillOut(List<Slot> own, List<Slot> next, string nextDay, List<ValidationError> errors)
    {
        if (own.Count == 0 || own[^1].End <= Day)
        {
            return;
        }

        var spill = own[^1];
        foreach (var slot in next.Where(slot => slot.Start < spill.End - Day))
        {
            errors.Add(new ValidationError(
                spill.Path,
                $"runs until {FormatLocal(spill.End - Day)} on {nextDay} and overlaps the weekly hours {slot.Hours} at {slot.Path}",
                SeparateFix,
                spill.Hours.ToString()));
        }
    }

    private static List<Slot> Slots(List<CalendarDraft.Entry<LocalTimeRange>> entries) =>
        entries.Select(entry => new Slot(entry.Value, entry.Path)).ToList();

    private static long[] ToPairs(List<Slot> joined)
    {
        var pairs = new long[joined.Count * 2];
        for (var i = 0; i < joined.Count; i++)
        {
            pairs[2 * i] = joined[i].Start;
            pairs[2 * i + 1] = joined[i].End;
        }

        return pairs;
    }

    private static string DescribeDate(LocalDate date) => $"{CalendarText.Format(date)} ({date.DayOfWeek})";

    private static string FormatLocal(long nanosecondsAfterMidnight) =>
        nanosecondsAfterMidnight >= Day ? "24:00" : CalendarText.Format(LocalTime.FromNanosecondsSinceMidnight(nanosecondsAfterMidnight));

    /// <summary>Hours as nanoseconds after the midnight of their date, with the range and path they came from.</summary>
    private sealed record Slot(long Start, long End, LocalTimeRange Hours, string Path)
    {
        public Slot(LocalTimeRange hours, string path)
            : this(hours.StartNanoseconds, hours.EndNanoseconds, hours, path)
        {
        }
    }
}
