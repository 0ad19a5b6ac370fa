using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Tests.Calendars.Reference;
using NodaTime;

namespace CustomerCare.Benchmarks.Sla;

/// <summary>
/// Business calendar arithmetic on a Berlin office calendar with a lunch break, holidays and a date override, against
/// the minute-stepping reference of the tests. Each category compares the calculator with the reference.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CalendarBenchmarks
{
    private static readonly Duration EightHours = Duration.FromHours(8);
    private static readonly Duration TwoThousandHours = Duration.FromHours(2000);

    // Friday afternoon, so eight business hours run over the weekend into Monday.
    private readonly Instant _start = Instant.FromUtc(2026, 3, 20, 14, 30);
    private readonly Instant _yearLater = Instant.FromUtc(2027, 3, 20, 14, 30);
    private BusinessCalendar _calendar = null!;
    private MinuteSteppingCalendar _reference = null!;

    [GlobalSetup]
    public void Setup()
    {
        _calendar = CreateCalendar();
        _reference = new MinuteSteppingCalendar(_calendar);

        // Warm the caches the steady-state benchmarks rely on; the cold benchmark measures the first use.
        _calendar.AddBusinessTime(_start, TwoThousandHours);
        _calendar.BusinessTimeBetween(_start, _yearLater);
    }

    [Benchmark(Baseline = true, Description = "reference: add 8 h")]
    [BenchmarkCategory("add 8 h")]
    public Instant ReferenceAddEightHours() => _reference.AddBusinessTime(_start, EightHours);

    [Benchmark(Description = "AddBusinessTime 8 h")]
    [BenchmarkCategory("add 8 h")]
    public Instant AddEightHours() => _calendar.AddBusinessTime(_start, EightHours);

    [Benchmark(Baseline = true, Description = "reference: add 2,000 h")]
    [BenchmarkCategory("add 2,000 h")]
    public Instant ReferenceAddTwoThousandHours() => _reference.AddBusinessTime(_start, TwoThousandHours);

    [Benchmark(Description = "AddBusinessTime 2,000 h")]
    [BenchmarkCategory("add 2,000 h")]
    public Instant AddTwoThousandHours() => _calendar.AddBusinessTime(_start, TwoThousandHours);

    [Benchmark(Baseline = true, Description = "reference: between, one year")]
    [BenchmarkCategory("between, one year")]
    public Duration ReferenceBetweenOneYear() => _reference.BusinessTimeBetween(_start, _yearLater);

    [Benchmark(Description = "BusinessTimeBetween, one year")]
    [BenchmarkCategory("between, one year")]
    public Duration BetweenOneYear() => _calendar.BusinessTimeBetween(_start, _yearLater);

    [Benchmark(Description = "build + first AddBusinessTime 8 h")]
    [BenchmarkCategory("cold start")]
    public Instant ColdAddEightHours() => CreateCalendar().AddBusinessTime(_start, EightHours);

    private static BusinessCalendar CreateCalendar() =>
        new BusinessCalendarBuilder("berlin-office", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-12:00"))
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("13:00-18:00"))
            .AddHoliday(Holiday.Annual(new AnnualDate(1, 1), "New Year"))
            .AddHoliday(Holiday.Annual(new AnnualDate(5, 1), "Labour Day"))
            .AddHoliday(Holiday.Annual(new AnnualDate(10, 3), "German Unity Day"))
            .AddHoliday(Holiday.Annual(new AnnualDate(12, 25), "Christmas Day"))
            .AddHoliday(Holiday.Annual(new AnnualDate(12, 26), "St Stephen's Day"))
            .AddHoliday(Holiday.OnDate(new LocalDate(2026, 4, 3), "Good Friday"))
            .AddHoliday(Holiday.OnDate(new LocalDate(2026, 4, 6), "Easter Monday"))
            .AddOverride(new DateOverride(new LocalDate(2026, 12, 31), [LocalTimeRange.Parse("09:00-13:00")], "New Year's Eve"))
            .AddBreak(new BusinessBreak(new LocalDate(2026, 3, 23), LocalTimeRange.Parse("14:00-15:00"), "staff meeting"))
            .Build();
}
