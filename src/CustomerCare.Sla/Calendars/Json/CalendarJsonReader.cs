using System.Globalization;
using System.Text.Json;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sla.Calendars.Json;

/// <summary>Turns a <see cref="CalendarDocument"/> into a calendar, reporting every malformed value with its JSON path.</summary>
internal static class CalendarJsonReader
{
    private const string HoursFix = "Use 'HH:mm-HH:mm', such as '08:00-18:00', '22:00-06:00' (overnight) or '13:00-24:00'.";
    private const string DateFix = "Use an ISO date such as '2026-12-24'.";

    private static readonly string[] DayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static BusinessCalendar Read(CalendarDocument? document)
    {
        if (document is null)
        {
            throw new CustomerCareValidationException(new ValidationError(
                "$", "is null", "Pass a JSON object with at least 'id' and 'timeZone'.", "null"));
        }

        var paths = CalendarPaths.ForJson();
        var draft = new CalendarDraft(document.Id ?? "calendar", document.TimeZone, null, paths);
        if (document.Id is null)
        {
            draft.Errors.Add(new ValidationError(paths.Id, "is missing", "Add an id such as \"id\": \"berlin-support\"."));
        }

        ReportUnknown(document.Unknown, "$", "id, timeZone, alwaysOpen, weekly, holidays, overrides, breaks", draft.Errors);
        if (document.AlwaysOpen == true)
        {
            return ReadAlwaysOpen(document, draft);
        }

        ReadWeekly(document.Weekly, draft);
        ReadHolidays(document.Holidays, draft);
        ReadOverrides(document.Overrides, draft);
        ReadBreaks(document.Breaks, draft);
        return CalendarCompiler.Compile(draft);
    }

    public static CustomerCareValidationException ToValidationException(JsonException exception)
    {
        var path = exception.Path ?? "$";
        var where = exception.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, byte {exception.BytePositionInLine + 1})")
            : string.Empty;

        // The serializer names its own .NET types in some messages, so those cases get a message in the format's terms.
        string problem;
        if (exception.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            problem = "has a value of the wrong JSON type" + where;
        }
        else if (exception.Message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            problem = "is not valid JSON" + where + ": the property appears more than once in its object";
        }
        else
        {
            problem = "is not valid JSON" + where + ": " + StripLocation(exception.Message);
        }

        return new CustomerCareValidationException(new ValidationError(
            path,
            problem,
            "Use strings for the id, the time zone, dates and hours, true or false for 'alwaysOpen' and 'active', " +
            "an object of weekday arrays for 'weekly', and arrays for 'holidays', 'overrides' and 'breaks'."));
    }

    private static BusinessCalendar ReadAlwaysOpen(CalendarDocument document, CalendarDraft draft)
    {
        var errors = new List<ValidationError>(draft.Errors);
        if (document.Weekly is { Count: > 0 } || document.Holidays is { Count: > 0 } || document.Overrides is { Count: > 0 } || document.Breaks is { Count: > 0 })
        {
            errors.Add(new ValidationError(
                "$.alwaysOpen",
                "is true, but the calendar also has weekly hours, holidays, overrides or breaks",
                "Remove them, or remove 'alwaysOpen' and define the hours.",
                "true"));
        }

        var zone = CalendarCompiler.ResolveZone(document.TimeZone, draft.Paths.TimeZone, errors);
        CalendarCompiler.ValidateId(draft.Id, draft.Paths.Id, errors);
        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }

        return CalendarCompiler.CompileAlwaysOpen(draft.Id, zone!, draft.Paths.Id);
    }

    private static void ReadWeekly(Dictionary<string, List<string?>?>? weekly, CalendarDraft draft)
    {
        if (weekly is null)
        {
            return;
        }

        var seen = new Dictionary<IsoDayOfWeek, string>();
        foreach (var (key, values) in weekly)
        {
            var path = "$.weekly." + key;
            var index = Array.IndexOf(DayNames, key.Trim().ToLowerInvariant());
            if (index < 0)
            {
                draft.Errors.Add(new ValidationError(path, "is not a weekday", "Use monday, tuesday, wednesday, thursday, friday, saturday or sunday.", key));
                continue;
            }

            var day = (IsoDayOfWeek)(index + 1);
            if (!seen.TryAdd(day, key))
            {
                draft.Errors.Add(new ValidationError(path, $"repeats the weekday of '{seen[day]}'", "List all hours of a weekday in one array.", key));
                continue;
            }

            if (values is null)
            {
                draft.Errors.Add(new ValidationError(path, "is null", "Use an array of hours, such as [\"08:00-18:00\"], or [] for a closed day."));
                continue;
            }

            for (var i = 0; i < values.Count; i++)
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                if (TryReadHours(values[i], itemPath, draft.Errors, out var hours))
                {
                    draft.AddHours(day, hours, itemPath);
                }
            }
        }
    }

    private static void ReadHolidays(List<HolidayDocument?>? holidays, CalendarDraft draft)
    {
        for (var i = 0; holidays is not null && i < holidays.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.holidays[{i}]");
            var item = holidays[i];
            if (item is null)
            {
                draft.Errors.Add(new ValidationError(path, "is null", "Use an object such as {\"date\": \"2026-12-24\", \"name\": \"Christmas Eve\"}."));
                continue;
            }

            ReportUnknown(item.Unknown, path, "date, annual, name, active", draft.Errors);
            var name = ReadName(item.Name, path + ".name", draft.Errors);
            var active = item.Active ?? true;
            if ((item.Date is null) == (item.Annual is null))
            {
                draft.Errors.Add(new ValidationError(
                    path,
                    item.Date is null ? "has neither 'date' nor 'annual'" : "has both 'date' and 'annual'",
                    "Give a one-off holiday a 'date' such as '2026-12-24', or a yearly one an 'annual' month and day such as '12-25'."));
                continue;
            }

            if (item.Date is not null)
            {
                if (TryReadDate(item.Date, path + ".date", draft.Errors, out var date) && name.Valid)
                {
                    draft.AddHoliday(Holiday.OnDate(date, name.Value, active), path);
                }

                continue;
            }

            var annual = CalendarText.AnnualPattern.Parse(item.Annual!.Trim());
            if (!annual.Success)
            {
                draft.Errors.Add(new ValidationError(path + ".annual", "is not a month and day in the form MM-dd", "Use a month and day such as '12-25'.", item.Annual));
            }
            else if (name.Valid)
            {
                draft.AddHoliday(Holiday.Annual(annual.Value, name.Value, active), path);
            }
        }
    }

    private static void ReadOverrides(List<OverrideDocument?>? overrides, CalendarDraft draft)
    {
        for (var i = 0; overrides is not null && i < overrides.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.overrides[{i}]");
            var item = overrides[i];
            if (item is null)
            {
                draft.Errors.Add(new ValidationError(path, "is null", "Use an object such as {\"date\": \"2026-12-31\", \"hours\": [\"09:00-13:00\"]}."));
                continue;
            }

            ReportUnknown(item.Unknown, path, "date, hours, name", draft.Errors);
            var name = ReadName(item.Name, path + ".name", draft.Errors);
            var dateValid = TryReadDate(item.Date, path + ".date", draft.Errors, out var date);
            if (item.Hours is null)
            {
                draft.Errors.Add(new ValidationError(path + ".hours", "is missing", "List the hours of the date, such as [\"09:00-13:00\"], or [] to close it."));
                continue;
            }

            var hours = new List<LocalTimeRange>();
            var hourPaths = new List<string>();
            for (var j = 0; j < item.Hours.Count; j++)
            {
                var hourPath = string.Create(CultureInfo.InvariantCulture, $"{path}.hours[{j}]");
                if (TryReadHours(item.Hours[j], hourPath, draft.Errors, out var range))
                {
                    hours.Add(range);
                    hourPaths.Add(hourPath);
                }
            }

            if (dateValid && name.Valid && hours.Count == item.Hours.Count)
            {
                draft.AddOverride(new DateOverride(date, hours, name.Value), path, index => hourPaths[index]);
            }
        }
    }

    private static void ReadBreaks(List<BreakDocument?>? breaks, CalendarDraft draft)
    {
        for (var i = 0; breaks is not null && i < breaks.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.breaks[{i}]");
            var item = breaks[i];
            if (item is null)
            {
                draft.Errors.Add(new ValidationError(path, "is null", "Use an object such as {\"date\": \"2026-06-12\", \"hours\": \"12:00-14:00\"}."));
                continue;
            }

            ReportUnknown(item.Unknown, path, "date, hours, reason", draft.Errors);
            var reason = ReadName(item.Reason, path + ".reason", draft.Errors);
            var dateValid = TryReadDate(item.Date, path + ".date", draft.Errors, out var date);
            var hoursValid = TryReadHours(item.Hours, path + ".hours", draft.Errors, out var hours);
            if (dateValid && hoursValid && reason.Valid)
            {
                draft.AddBreak(new BusinessBreak(date, hours, reason.Value), path);
            }
        }
    }

    private static bool TryReadHours(string? text, string path, List<ValidationError> errors, out LocalTimeRange hours)
    {
        if (LocalTimeRange.TryParse(text, out hours, out var reason))
        {
            return true;
        }

        errors.Add(new ValidationError(path, $"is not valid hours because {reason}", HoursFix, text));
        return false;
    }

    private static bool TryReadDate(string? text, string path, List<ValidationError> errors, out LocalDate date)
    {
        if (text is null)
        {
            errors.Add(new ValidationError(path, "is missing", DateFix));
            date = default;
            return false;
        }

        var result = CalendarText.DatePattern.Parse(text.Trim());
        date = result.Success ? result.Value : default;
        if (!result.Success)
        {
            errors.Add(new ValidationError(path, "is not a date in the form yyyy-MM-dd", DateFix, text));
        }

        return result.Success;
    }

    private static (bool Valid, string? Value) ReadName(string? text, string path, List<ValidationError> errors)
    {
        if (text is not null && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new ValidationError(path, "is empty", "Give a name, or leave the property out.", text));
            return (false, null);
        }

        return (true, text);
    }

    private static void ReportUnknown(Dictionary<string, JsonElement>? unknown, string path, string known, List<ValidationError> errors)
    {
        foreach (var name in unknown?.Keys ?? Enumerable.Empty<string>())
        {
            errors.Add(new ValidationError(
                path + "." + name,
                "is not a known property",
                $"Known properties here are {known}; names are case-sensitive.",
                name));
        }
    }

    private static string StripLocation(string message)
    {
        var location = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return location < 0 ? message : message[..location];
    }
}
