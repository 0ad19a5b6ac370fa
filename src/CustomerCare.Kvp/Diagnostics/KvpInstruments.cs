using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CustomerCare.Kvp.Diagnostics;

/// <summary>
/// The instruments that the improvement metrics publish on the caller's meter, normally the <c>CustomerCare</c> meter.
/// Names follow <c>customercare.kvp.&lt;measure&gt;</c>; the package docs list each with its unit and tags.
/// </summary>
/// <remarks>
/// Counters and histograms are recorded on the feeding thread. The observable gauges run on the collecting thread and
/// read values that the feeding thread publishes with <see cref="Volatile"/> and <see cref="Interlocked"/>.
/// </remarks>
internal sealed class KvpInstruments
{
    public const string RecordTypeTag = "customercare.kvp.record_type";
    public const string BadRecordKindTag = "customercare.kvp.bad_record_kind";
    public const string TimeBasisTag = "customercare.kvp.time_basis";
    public const string ChannelTag = "customercare.channel";
    public const string CompetenceLevelTag = "customercare.competence_level";
    public const string SlaTargetTag = "customercare.sla.target";

    private readonly Counter<long> _processed;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _firstResponse;
    private readonly Histogram<double> _firstResolution;
    private readonly Histogram<double> _handleTime;
    private readonly ConcurrentDictionary<string, long[]> _slaCounts = new(StringComparer.Ordinal);
    private long _unresolved;
    private long _fcrResolved;
    private long _fcrDecided;
    private long _reopened;
    private long _resolved;
    private long _escalated;
    private long _opened;

    public KvpInstruments(Meter meter)
    {
        _processed = meter.CreateCounter<long>("customercare.kvp.record.processed", "{record}", "Records fed to the improvement metrics.");
        _rejected = meter.CreateCounter<long>("customercare.kvp.record.rejected", "{record}", "Bad records, counted and reported by kind.");
        _firstResponse = meter.CreateHistogram<double>("customercare.kvp.first_response.duration", "s", "Time from opening a concern to the first public reply by a person.");
        _firstResolution = meter.CreateHistogram<double>("customercare.kvp.first_resolution.duration", "s", "Time from opening a concern to its first resolution.");
        _handleTime = meter.CreateHistogram<double>("customercare.kvp.handle.duration", "s", "Recorded work time per handled interaction.");
        meter.CreateObservableUpDownCounter("customercare.kvp.backlog", () => Volatile.Read(ref _unresolved), "{concern}", "Unresolved concerns.");
        meter.CreateObservableGauge("customercare.kvp.first_contact_resolution.ratio", () => Ratio(ref _fcrResolved, ref _fcrDecided), "1", "First-contact resolution of decided concerns.");
        meter.CreateObservableGauge("customercare.kvp.reopen.ratio", () => Ratio(ref _reopened, ref _resolved), "1", "Resolved concerns reopened at least once.");
        meter.CreateObservableGauge("customercare.kvp.escalation.ratio", () => Ratio(ref _escalated, ref _opened), "1", "Concerns escalated at least once.");
        meter.CreateObservableGauge("customercare.kvp.sla.attainment.ratio", ObserveSlaAttainment, "1", "Met ÷ (met + breached) per SLA target.");
    }

    public void RecordProcessed(string recordType) => _processed.Add(1, new KeyValuePair<string, object?>(RecordTypeTag, recordType));

    public void RecordRejected(string recordType, Metrics.BadRecordKind kind) =>
        _rejected.Add(1, new KeyValuePair<string, object?>(RecordTypeTag, recordType), new KeyValuePair<string, object?>(BadRecordKindTag, kind.ToString()));

    public void RecordFirstResponse(double seconds, double? businessSeconds, string channel) =>
        RecordDuration(_firstResponse, seconds, businessSeconds, channel);

    public void RecordFirstResolution(double seconds, double? businessSeconds, string channel) =>
        RecordDuration(_firstResolution, seconds, businessSeconds, channel);

    public void RecordHandleTime(double seconds, string channel, int rank) =>
        _handleTime.Record(seconds, new KeyValuePair<string, object?>(ChannelTag, channel), new KeyValuePair<string, object?>(CompetenceLevelTag, rank));

    public void AddUnresolved(long delta) => Interlocked.Add(ref _unresolved, delta);

    public void SetRates(long fcrResolved, long fcrDecided, long reopened, long resolved, long escalated, long opened)
    {
        Volatile.Write(ref _fcrResolved, fcrResolved);
        Volatile.Write(ref _fcrDecided, fcrDecided);
        Volatile.Write(ref _reopened, reopened);
        Volatile.Write(ref _resolved, resolved);
        Volatile.Write(ref _escalated, escalated);
        Volatile.Write(ref _opened, opened);
    }

    public void RecordSlaOutcome(string target, bool met)
    {
        var counts = _slaCounts.GetOrAdd(target, static _ => new long[2]);
        Interlocked.Increment(ref counts[met ? 0 : 1]);
    }

    private static void RecordDuration(Histogram<double> histogram, double seconds, double? businessSeconds, string channel)
    {
        histogram.Record(seconds, new KeyValuePair<string, object?>(ChannelTag, channel), new KeyValuePair<string, object?>(TimeBasisTag, "calendar"));
        if (businessSeconds is { } business)
        {
            histogram.Record(business, new KeyValuePair<string, object?>(ChannelTag, channel), new KeyValuePair<string, object?>(TimeBasisTag, "business"));
        }
    }

    private static IEnumerable<Measurement<double>> Ratio(ref long numerator, ref long denominator)
    {
        var d = Volatile.Read(ref denominator);
        var n = Volatile.Read(ref numerator);
        return d == 0 ? [] : [new Measurement<double>((double)n / d)];
    }

    private IEnumerable<Measurement<double>> ObserveSlaAttainment()
    {
        foreach (var (target, counts) in _slaCounts)
        {
            var met = Interlocked.Read(ref counts[0]);
            var total = met + Interlocked.Read(ref counts[1]);
            if (total > 0)
            {
                yield return new Measurement<double>((double)met / total, new KeyValuePair<string, object?>(SlaTargetTag, target));
            }
        }
    }
}
