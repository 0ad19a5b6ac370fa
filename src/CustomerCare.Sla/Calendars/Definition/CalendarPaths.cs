using System.Globalization;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// How validation errors name the parts of a calendar definition: <c>calendar 'berlin' → weekly → Monday[1]</c>
/// for the builder, or the JSON path <c>$.weekly.monday[1]</c> for a JSON document.
/// </summary>
internal abstract class CalendarPaths
{
    public abstract string Id { get; }

    public abstract string TimeZone { get; }

    public static CalendarPaths ForBuilder(string id) => new BuilderPaths(id);

    public static CalendarPaths ForJson() => new JsonPaths();

    public abstract string Weekly(IsoDayOfWeek day, int index);

    public abstract string Holiday(int index);

    public abstract string Override(int index);

    public abstract string OverrideHours(string overridePath, int index);

    public abstract string Break(int index);

    private sealed class BuilderPaths(string id) : CalendarPaths
    {
        private readonly string _prefix = $"calendar '{id}' → ";

        public override string Id => _prefix + "id";

        public override string TimeZone => _prefix + "time zone";

        public override string Weekly(IsoDayOfWeek day, int index) =>
            string.Create(CultureInfo.InvariantCulture, $"{_prefix}weekly → {day}[{index}]");

        public override string Holiday(int index) => string.Create(CultureInfo.InvariantCulture, $"{_prefix}holidays[{index}]");

        public override string Override(int index) => string.Create(CultureInfo.InvariantCulture, $"{_prefix}overrides[{index}]");

        public override string OverrideHours(string overridePath, int index) =>
            string.Create(CultureInfo.InvariantCulture, $"{overridePath} → hours[{index}]");

        public override string Break(int index) => string.Create(CultureInfo.InvariantCulture, $"{_prefix}breaks[{index}]");
    }

    private sealed class JsonPaths : CalendarPaths
    {
        public override string Id => "$.id";

        public override string TimeZone => "$.timeZone";

        public override string Weekly(IsoDayOfWeek day, int index) =>
            string.Create(CultureInfo.InvariantCulture, $"$.weekly.{day.ToString().ToLowerInvariant()}[{index}]");

        public override string Holiday(int index) => string.Create(CultureInfo.InvariantCulture, $"$.holidays[{index}]");

        public override string Override(int index) => string.Create(CultureInfo.InvariantCulture, $"$.overrides[{index}]");

        public override string OverrideHours(string overridePath, int index) =>
            string.Create(CultureInfo.InvariantCulture, $"{overridePath}.hours[{index}]");

        public override string Break(int index) => string.Create(CultureInfo.InvariantCulture, $"$.breaks[{index}]");
    }
}
