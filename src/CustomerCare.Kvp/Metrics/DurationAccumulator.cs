using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>Collects one duration metric in calendar time and, when a calendar is set, in business time.</summary>
internal sealed class DurationAccumulator
{
    private readonly QuantileSketch _calendar = new();
    private readonly QuantileSketch? _business;
    private readonly IBusinessCalendar? _calendarOfBusiness;

    public DurationAccumulator(IBusinessCalendar? calendar)
    {
        _calendarOfBusiness = calendar;
        _business = calendar is null ? null : new QuantileSketch();
    }

    public long Count => _calendar.Count;

    /// <summary>Adds the span from <paramref name="start"/> to <paramref name="end"/>; the caller ensures start ≤ end.</summary>
    public void AddSpan(Instant start, Instant end, out double calendarSeconds, out double businessSeconds)
    {
        Guard.Invariant(start <= end);
        calendarSeconds = (end - start).TotalSeconds;
        _calendar.Add(calendarSeconds);
        businessSeconds = 0;
        if (_business is not null)
        {
            businessSeconds = Math.Max(0, _calendarOfBusiness!.BusinessTimeBetween(start, end).TotalSeconds);
            _business.Add(businessSeconds);
        }
    }

    /// <summary>Adds an already measured sample, such as a sum of status spans.</summary>
    public void AddMeasured(double calendarSeconds, double businessSeconds)
    {
        _calendar.Add(calendarSeconds);
        _business?.Add(businessSeconds);
    }

    public DurationMetric ToMetric() =>
        new(DurationSummary.From(_calendar), _business is null ? null : DurationSummary.From(_business));
}
