using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Tests.Calendars.Reference;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerCare.Sla.Tests.Calendars;

/// <summary>
/// Generators of random business calendars for properties against <see cref="MinuteSteppingCalendar"/>: random
/// zones (mostly with daylight saving, some with odd offsets or skipped days), weekly hours with overnight shifts and
/// 24:00 ends, holidays (one-off, annual, deactivated), overrides and breaks near an anchor instant, and instants
/// that cluster around the zone's transitions.
/// </summary>
public static class CalendarArbitraries
{
    /// <summary>Zones with daylight saving or other transitions, including the hard cases.</summary>
    public static readonly string[] TransitionZones =
    [
        "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Asia/Tehran", "Australia/Sydney",
        "Australia/Lord_Howe", "America/Santiago", "Pacific/Apia", "America/Havana", "Asia/Gaza",
        "Africa/Casablanca", "Pacific/Chatham", "Europe/London", "America/St_Johns", "Asia/Beirut",
        "Antarctica/Troll", "America/Asuncion", "Europe/Chisinau", "Pacific/Norfolk", "America/Godthab",
    ];

    /// <summary>Zones without daylight saving, some far from UTC or at odd offsets.</summary>
    public static readonly string[] FixedZones = ["UTC", "Asia/Kathmandu", "Pacific/Kiritimati", "Asia/Kolkata", "Pacific/Pago_Pago", "Asia/Tokyo"];

    /// <summary>Notable instants: Apia skipping 2011-12-30, Sao Paulo falling back at midnight, Tehran's last spring forward.</summary>
    private static readonly (string Zone, Instant At)[] NotableInstants =
    [
        ("Pacific/Apia", Instant.FromUtc(2011, 12, 30, 10, 0)),
        ("America/Sao_Paulo", Instant.FromUtc(2018, 11, 4, 3, 0)),
        ("America/Sao_Paulo", Instant.FromUtc(2019, 2, 17, 2, 0)),
        ("Asia/Tehran", Instant.FromUtc(2022, 3, 21, 20, 30)),
        ("Asia/Tehran", Instant.FromUtc(2022, 9, 21, 19, 30)),
        ("Australia/Lord_Howe", Instant.FromUtc(2026, 4, 4, 15, 0)),
        ("America/Santiago", Instant.FromUtc(2026, 4, 5, 3, 0)),
    ];

    private static readonly string[] AllZones = [.. DateTimeZoneProviders.Tzdb.Ids];

    private static readonly int[] BiasedMinutes = [0, 30, 60, 90, 120, 150, 165, 180, 210, 225, 240, 480, 720, 1080, 1320, 1380, 1410, 1439, 1440];

    private static readonly string?[] Names = [null, "Feiertag", "Company day", "Inventory"];

    public static Gen<CalendarCase> Cases { get; } =
        from zoneChoice in Gen.Frequency((7, Gen.Elements(TransitionZones)), (1, Gen.Elements(FixedZones)), (2, Gen.Elements(AllZones)))
        from notable in Gen.Frequency((1, Gen.Elements(NotableInstants).Select(n => ((string, Instant)?)n)), (9, Gen.Constant<(string, Instant)?>(null)))
        from year in Gen.Choose(2000, 2035)
        from seed in Gen.Choose(0, int.MaxValue)
        select CalendarCase.Create(notable?.Item1 ?? zoneChoice, notable?.Item2, year, seed);

    public static Arbitrary<CalendarCase> RandomCalendars() => Cases.ToArbitrary();

    /// <summary>A random calendar with its reference, an anchor and random instants and amounts near it.</summary>
    public sealed class CalendarCase
    {
        private CalendarCase(BusinessCalendar calendar, Instant anchor, Instant[] instants, Duration[] amounts, int seed)
        {
            Calendar = calendar;
            Reference = new MinuteSteppingCalendar(calendar);
            Anchor = anchor;
            Instants = instants;
            Amounts = amounts;
            Seed = seed;
        }

        public BusinessCalendar Calendar { get; }

        public MinuteSteppingCalendar Reference { get; }

        public Instant Anchor { get; }

        /// <summary>Gets whole-minute instants within ten days of the anchor, many near the zone's transitions.</summary>
        public Instant[] Instants { get; }

        /// <summary>Gets whole-minute amounts from zero to about three weeks of the calendar's hours.</summary>
        public Duration[] Amounts { get; }

        public int Seed { get; }

        public static CalendarCase Create(string zoneId, Instant? notable, int year, int seed)
        {
            var random = new Random(seed);
            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            var anchor = notable ?? PickAnchor(zone, year, random);
            anchor = Instant.FromUnixTimeSeconds(anchor.ToUnixTimeSeconds() / 60 * 60);
            var anchorDate = anchor.InZone(zone).Date;

            var weekly = RandomWeek(random);
            var definition = new Definition(zone, weekly);
            AddHolidays(definition, anchorDate, random);
            AddOverrides(definition, anchorDate, random);
            AddBreaks(definition, anchorDate, random);
            var calendar = definition.Build();

            var transitions = zone.GetZoneIntervals(anchor - Duration.FromDays(12), anchor + Duration.FromDays(12))
                .Where(i => i.HasStart && i.Start > anchor - Duration.FromDays(12))
                .Select(i => i.Start)
                .ToArray();
            var instants = new Instant[24];
            for (var i = 0; i < instants.Length; i++)
            {
                var near = transitions.Length > 0 && random.Next(3) == 0
                    ? transitions[random.Next(transitions.Length)] + Duration.FromMinutes(random.Next(-240, 241))
                    : anchor + Duration.FromMinutes(random.Next(-10 * 1440, 10 * 1440 + 1));
                instants[i] = near;
            }

            var weeklyMinutes = Math.Max(60, weekly.Sum(day => day.Sum(range => (long)range.Length.TotalMinutes)));
            var amounts = new Duration[12];
            for (var i = 0; i < amounts.Length; i++)
            {
                amounts[i] = random.Next(8) switch
                {
                    0 => Duration.Zero,
                    1 => Duration.FromMinutes(random.Next(1, 61)),
                    2 => Duration.FromMinutes(random.NextInt64(1, 3 * weeklyMinutes)),
                    _ => Duration.FromMinutes(random.NextInt64(1, weeklyMinutes)),
                };
            }

            return new CalendarCase(calendar, anchor, instants, amounts, seed);
        }

        public override string ToString() =>
            $"seed {Seed}, anchor {Anchor}, instants [{string.Join(", ", Instants)}], amounts [{string.Join(", ", Amounts)}]{Environment.NewLine}" +
            BusinessCalendarJson.Serialize(Calendar);

        private static Instant PickAnchor(DateTimeZone zone, int year, Random random)
        {
            var start = Instant.FromUtc(year, 1, 1, 0, 0);
            var end = Instant.FromUtc(year + 1, 1, 1, 0, 0);
            var transitions = zone.GetZoneIntervals(start, end).Where(i => i.HasStart && i.Start > start).Select(i => i.Start).ToArray();
            if (transitions.Length > 0 && random.Next(3) > 0)
            {
                return transitions[random.Next(transitions.Length)] + Duration.FromMinutes(random.Next(-3 * 1440, 3 * 1440 + 1));
            }

            return start + Duration.FromMinutes(random.NextInt64(0, (long)(end - start).TotalMinutes));
        }

        private static List<LocalTimeRange>[] RandomWeek(Random random)
        {
            var regular = new List<(int Start, int End)>[7];
            for (var day = 0; day < 7; day++)
            {
                var count = random.Next(11) switch { < 2 => 0, < 7 => 1, < 10 => 2, _ => 3 };
                regular[day] = RandomRanges(random, count, 0, 1440);
            }

            if (regular.All(day => day.Count == 0))
            {
                regular[0].Add((9 * 60, 17 * 60));
            }

            // Overnight starts come after the day's own hours; their ends stop at the first hour taken on the next day.
            var overnightStart = new int?[7];
            for (var day = 0; day < 7; day++)
            {
                var lastEnd = regular[day].Count == 0 ? 0 : regular[day][^1].End;
                if (lastEnd < 1440 && random.Next(10) < 3)
                {
                    overnightStart[day] = Pick(random, lastEnd, 1439);
                }
            }

            var week = new List<LocalTimeRange>[7];
            for (var day = 0; day < 7; day++)
            {
                week[day] = [.. regular[day].Select(r => Range(r.Start, r.End))];
            }

            for (var day = 0; day < 7; day++)
            {
                if (overnightStart[day] is not { } start)
                {
                    continue;
                }

                var next = (day + 1) % 7;
                var limit = Math.Min(start, Math.Min(regular[next].Count == 0 ? 1440 : regular[next][0].Start, overnightStart[next] ?? 1440));
                var end = Pick(random, 0, limit);
                week[day].Add(Range(start, end));
            }

            return week;
        }

        private static void AddHolidays(Definition definition, LocalDate anchorDate, Random random)
        {
            var count = random.Next(5);
            for (var i = 0; i < count; i++)
            {
                var date = anchorDate.PlusDays(random.Next(-12, 13));
                var name = Names[random.Next(Names.Length)];
                var active = random.Next(7) > 0;
                var holiday = random.Next(4) == 0 && !(date.Month == 2 && date.Day == 29)
                    ? Holiday.Annual(new AnnualDate(date.Month, date.Day), name, active)
                    : Holiday.OnDate(date, name, active);
                definition.TryAdd(d => d.Holidays.Add(holiday), d => d.Holidays.RemoveAt(d.Holidays.Count - 1));
            }
        }

        private static void AddOverrides(Definition definition, LocalDate anchorDate, Random random)
        {
            var count = random.Next(4);
            for (var i = 0; i < count; i++)
            {
                var date = anchorDate.PlusDays(random.Next(-10, 11));
                var hours = RandomRanges(random, random.Next(3), 0, 1440).Select(r => Range(r.Start, r.End)).ToList();
                if (random.Next(5) == 0)
                {
                    var lastEnd = hours.Count == 0 ? 0 : (int)(hours[^1].EndNanoseconds / NodaConstants.NanosecondsPerMinute);
                    if (lastEnd < 1440)
                    {
                        var start = Pick(random, lastEnd, 1439);
                        hours.Add(Range(start, Pick(random, 0, Math.Min(start, 240))));
                    }
                }

                var item = new DateOverride(date, hours, random.Next(2) == 0 ? null : "special");
                definition.TryAdd(d => d.Overrides.Add(item), d => d.Overrides.RemoveAt(d.Overrides.Count - 1));
            }
        }

        private static void AddBreaks(Definition definition, LocalDate anchorDate, Random random)
        {
            var count = random.Next(4);
            for (var i = 0; i < count; i++)
            {
                var date = anchorDate.PlusDays(random.Next(-10, 11));
                var hours = definition.Overrides.FirstOrDefault(o => o.Date == date)?.Hours.ToList() ?? definition.Weekly[(int)date.DayOfWeek - 1];
                int start, end;
                if (hours.Count > 0 && random.Next(5) > 0)
                {
                    var range = hours[random.Next(hours.Count)];
                    var from = (int)(range.Start.NanosecondOfDay / NodaConstants.NanosecondsPerMinute);
                    var to = (int)Math.Min(1440, range.EndNanoseconds / NodaConstants.NanosecondsPerMinute);
                    start = Pick(random, from, to - 1);
                    end = Pick(random, start + 1, to);
                }
                else
                {
                    start = Pick(random, 0, 1439);
                    end = Pick(random, start + 1, 1440);
                }

                var pause = new BusinessBreak(date, Range(start, end), random.Next(2) == 0 ? null : "meeting");
                definition.TryAdd(d => d.Breaks.Add(pause), d => d.Breaks.RemoveAt(d.Breaks.Count - 1));
            }
        }

        /// <summary>Returns up to <paramref name="count"/> sorted, non-overlapping ranges within [min, max] minutes.</summary>
        private static List<(int Start, int End)> RandomRanges(Random random, int count, int min, int max)
        {
            var cuts = new SortedSet<int>();
            for (var i = 0; i < count * 2; i++)
            {
                cuts.Add(Pick(random, min, max));
            }

            var points = cuts.ToArray();
            var ranges = new List<(int Start, int End)>();
            for (var i = 0; i + 1 < points.Length; i += 2)
            {
                ranges.Add((points[i], points[i + 1]));
            }

            return ranges;
        }

        /// <summary>Picks a minute in [min, max], often one of the times at which zones change their offset.</summary>
        private static int Pick(Random random, int min, int max)
        {
            if (max <= min)
            {
                return min;
            }

            if (random.Next(2) == 0)
            {
                var candidates = BiasedMinutes.Where(m => m >= min && m <= max).ToArray();
                if (candidates.Length > 0)
                {
                    return candidates[random.Next(candidates.Length)];
                }
            }

            return random.Next(min, max + 1);
        }

        private static LocalTimeRange Range(int startMinute, int endMinute) =>
            new(LocalTime.FromMinutesSinceMidnight(startMinute % 1440), LocalTime.FromMinutesSinceMidnight(endMinute % 1440));
    }

    /// <summary>A calendar definition that keeps an item only when the calendar still builds with it.</summary>
    private sealed class Definition(DateTimeZone zone, List<LocalTimeRange>[] weekly)
    {
        public List<LocalTimeRange>[] Weekly { get; } = weekly;

        public List<Holiday> Holidays { get; } = [];

        public List<DateOverride> Overrides { get; } = [];

        public List<BusinessBreak> Breaks { get; } = [];

        public void TryAdd(Action<Definition> add, Action<Definition> remove)
        {
            add(this);
            try
            {
                Build();
            }
            catch (CustomerCareValidationException)
            {
                remove(this);
            }
        }

        public BusinessCalendar Build()
        {
            var builder = new BusinessCalendarBuilder("random", zone);
            for (var day = 0; day < 7; day++)
            {
                foreach (var range in Weekly[day])
                {
                    builder.AddHours((IsoDayOfWeek)(day + 1), range);
                }
            }

            builder.AddHolidays(Holidays);
            Overrides.ForEach(item => builder.AddOverride(item));
            Breaks.ForEach(item => builder.AddBreak(item));
            return builder.Build();
        }
    }
}
