using System.Diagnostics.Metrics;
using CustomerCare.Core;
using CustomerCare.Kvp.Diagnostics;
using CustomerCare.Kvp.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>
/// Computes every improvement metric in one streaming pass over interactions, concern events and SLA outcomes. Feed a
/// whole history in one go, or feed records as they happen and take a <see cref="Snapshot"/> whenever needed.
/// </summary>
/// <remarks>
/// <para>
/// Memory grows with the open concerns (and those closed within <see cref="KvpMetricsOptions.ClosedConcernRetention"/>),
/// the distinct contact reasons, channels and SLA targets, and the number of days in the daily series; it does not
/// grow with the number of records.
/// </para>
/// <para>
/// Feed records in the order they happened. Windows (first-contact resolution, bot verification, closed-concern
/// retention) end when the latest instant fed so far passes them, so a record that arrives later than a window it
/// belongs to is judged after the window. Bad records are counted per <see cref="BadRecordKind"/>, the first ones are
/// kept with their position, and none turns into a negative duration.
/// </para>
/// <para>
/// An instance is not thread-safe: feed it from one thread at a time. When a meter is given, the observable
/// instruments read published values and may be collected on another thread.
/// </para>
/// </remarks>
public sealed partial class KvpMetricsAccumulator
{
    private const string InteractionType = "interaction";
    private const string ConcernEventType = "concern-event";
    private const string SlaOutcomeType = "sla-outcome";

    private static readonly ContactReason Unspecified = ContactReason.Parse("unspecified");
    private static readonly Channel UnknownChannel = Channel.Parse("unknown");

    private readonly ILogger _logger;
    private readonly KvpInstruments? _instruments;
    private readonly IBusinessCalendar? _calendar;
    private readonly DateTimeZone _zone;
    private readonly Duration _fcrWindow;
    private readonly Duration _repeatWindow;
    private readonly Duration _botWindow;
    private readonly Duration _messagingBotWindow;
    private readonly HashSet<Channel> _messagingChannels;
    private readonly Duration _retention;
    private readonly Duration[] _ageBucketStarts;
    private readonly CostModel? _costModel;
    private readonly Interval? _openedWithin;
    private readonly ContactReason? _reasonScope;
    private readonly int _maxBadRecordSamples;
    private readonly int _maxUsageNotes;
    private readonly int _maxKnowledgeGapGroups;

    private readonly Dictionary<ConcernId, ConcernState> _concerns = [];
    private readonly HashSet<ConcernId> _outOfScope = [];
    private readonly Dictionary<ContactReason, ReasonState> _reasons = [];
    private readonly Dictionary<ContactReason, SeriesState> _products = [];
    private readonly SeriesState _all = new(default);
    private readonly Dictionary<Channel, ChannelState> _channels = [];
    private readonly Dictionary<int, LevelState> _levels = [];
    private readonly Dictionary<CustomerId, List<PendingBotResolution>> _pendingBots = [];
    private readonly Dictionary<string, (long Count, Instant LastSeen)> _knowledgeGaps = new(StringComparer.Ordinal);
    // Priorities are Unix ticks: comparing longs is much cheaper than comparing Instants in the queue's sift loops.
    private readonly PriorityQueue<Deadline, long> _deadlines = new();
    private readonly long[] _badRecordCounts = new long[Enum.GetValues<BadRecordKind>().Length + 1];
    private readonly List<BadRecord> _badRecords = [];

    private readonly DurationAccumulator _firstResponse;
    private readonly DurationAccumulator _nextResponse;
    private readonly DurationAccumulator _firstResolution;
    private readonly DurationAccumulator _fullResolution;
    private readonly DurationAccumulator _requesterWait;
    private readonly DurationAccumulator _agentWait;
    private readonly DurationAccumulator _onHold;
    private readonly DurationAccumulator _handleTime = new(null);

    private Instant _watermark = Instant.MinValue;
    private LocalDate _cachedDate;
    private Instant _cachedDayStart = Instant.MaxValue;
    private Instant _cachedDayEnd = Instant.MinValue;

    private long _recordsProcessed;
    private long _concernsOpened;
    private long _unresolved;
    private long _resolvedConcerns;
    private long _reopenedResolved;
    private long _followUpsOfForgotten;
    private long _escalatedConcerns;
    private long _fcrResolved;
    private long _fcrDecided;
    private long _fcrPending;
    private long _customerContacts;
    private long _concernContacts;
    private long _repeatContacts;
    private long _selfServiceSessions;
    private long _selfServiceResolutions;
    private long _botConversations;
    private long _botHandOffs;
    private long _botResolutions;
    private long _botVerified;
    private long _botFailed;
    private long _surveyInvitations;
    private long _surveyResponses;
    private long _csatSatisfied;
    private long _csatAnswers;
    private long _promoters;
    private long _passives;
    private long _detractors;
    private long _effortAnswers;
    private long _effortSum;
    private long _effortAgree;
    private long _effortDisagree;
    private long _ungroupedKnowledgeGaps;
    private decimal _handledCost;
    private decimal _automatedCost;

    /// <summary>Initializes new, empty metrics.</summary>
    /// <param name="options">The settings; they are validated and copied, so later changes have no effect.</param>
    /// <param name="meter">
    /// The meter to publish instruments on, normally the host's <c>CustomerCare</c> meter; null publishes none. Give a
    /// meter to one accumulator only, or the observable instruments report twice.
    /// </param>
    /// <param name="logger">The logger for bad records and snapshots; null logs nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">A setting is invalid; the errors name each.</exception>
    public KvpMetricsAccumulator(KvpMetricsOptions options, Meter? meter = null, ILogger<KvpMetricsAccumulator>? logger = null)
    {
        Guard.NotNull(options);
        options.Validate();

        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _instruments = meter is null ? null : new KvpInstruments(meter);
        _calendar = options.BusinessCalendar;
        _zone = options.TimeZone ?? _calendar?.Zone ?? DateTimeZone.Utc;
        _fcrWindow = options.FirstContactResolutionWindow;
        _repeatWindow = options.RepeatContactWindow;
        _botWindow = options.BotVerificationWindow;
        _messagingBotWindow = options.MessagingBotVerificationWindow;
        _messagingChannels = [.. options.MessagingChannels];
        _retention = options.ClosedConcernRetention;
        _ageBucketStarts = [.. options.BacklogAgeBucketStarts];
        _costModel = options.CostModel;
        _openedWithin = options.OpenedWithin;
        _reasonScope = options.ReasonScope;
        _maxBadRecordSamples = options.MaxBadRecordSamples;
        _maxUsageNotes = options.MaxUsageNotesPerProduct;
        _maxKnowledgeGapGroups = options.MaxKnowledgeGapGroups;

        _firstResponse = new DurationAccumulator(_calendar);
        _nextResponse = new DurationAccumulator(_calendar);
        _firstResolution = new DurationAccumulator(_calendar);
        _fullResolution = new DurationAccumulator(_calendar);
        _requesterWait = new DurationAccumulator(_calendar);
        _agentWait = new DurationAccumulator(_calendar);
        _onHold = new DurationAccumulator(_calendar);
    }

    /// <summary>Gets the number of concerns held in memory: open ones and those closed within the retention.</summary>
    public int ConcernsInMemory => _concerns.Count;

    /// <summary>Feeds records in order, for example a whole imported history.</summary>
    /// <param name="concernEvents">Concern events, in the order they happened.</param>
    /// <returns>This instance, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concernEvents"/> is null.</exception>
    public KvpMetricsAccumulator AddRange(IEnumerable<ConcernEvent> concernEvents)
    {
        Guard.NotNull(concernEvents);
        foreach (var e in concernEvents)
        {
            Add(e);
        }

        return this;
    }

    /// <summary>Moves the stream's time forward without a record, so that windows that end by <paramref name="now"/> are decided.</summary>
    /// <param name="now">The current instant; an instant before the latest one fed changes nothing.</param>
    public void AdvanceTo(Instant now) => ProcessDeadlines(now);

    private LocalDate DateOf(Instant instant)
    {
        if (instant >= _cachedDayStart && instant < _cachedDayEnd)
        {
            return _cachedDate;
        }

        _cachedDate = instant.InZone(_zone).Date;
        _cachedDayStart = _zone.AtStartOfDay(_cachedDate).ToInstant();
        _cachedDayEnd = _zone.AtStartOfDay(_cachedDate.PlusDays(1)).ToInstant();
        return _cachedDate;
    }

    private void ProcessDeadlines(Instant at)
    {
        if (at > _watermark)
        {
            _watermark = at;
        }

        var watermark = _watermark.ToUnixTimeTicks();
        while (_deadlines.TryPeek(out var deadline, out var due) && due <= watermark)
        {
            _deadlines.Dequeue();
            switch (deadline.Kind)
            {
                case DeadlineKind.FirstContactResolution:
                    DecideFirstContactResolution(deadline.Concern);
                    break;
                case DeadlineKind.ForgetClosedConcern:
                    ForgetClosedConcern(deadline.Concern);
                    break;
                case DeadlineKind.BotVerification:
                    DecideBotVerification(deadline.Bot);
                    break;
            }
        }
    }

    private void ReportBad(BadRecordKind kind, string recordType, long position, ConcernId concern, string message)
    {
        _badRecordCounts[(int)kind]++;
        _instruments?.RecordRejected(recordType, kind);
        if (_badRecords.Count < _maxBadRecordSamples)
        {
            _badRecords.Add(new BadRecord(kind, recordType, position, concern, message));
            Log.BadRecord(_logger, recordType, position, concern == default ? "none" : concern.ToString(), kind);
        }
        else if (_badRecords.Count == _maxBadRecordSamples && TotalBadRecords() == _maxBadRecordSamples + 1)
        {
            Log.BadRecordDetailsSuppressed(_logger, _maxBadRecordSamples);
        }
    }

    private long TotalBadRecords()
    {
        long total = 0;
        foreach (var count in _badRecordCounts)
        {
            total += count;
        }

        return total;
    }

    private void PublishRates() =>
        _instruments?.SetRates(_fcrResolved, _fcrDecided, _reopenedResolved, _resolvedConcerns, _escalatedConcerns, _concernsOpened);

    private bool IsInReasonScope(ContactReason reason) =>
        _reasonScope is not { } scope || (reason != default && reason.IsWithin(scope));

    private ReasonState ReasonOf(ContactReason reason)
    {
        var key = reason == default ? Unspecified : reason;
        if (!_reasons.TryGetValue(key, out var state))
        {
            state = new ReasonState(key, ProductOf(key));
            _reasons.Add(key, state);
        }

        return state;
    }

    private SeriesState ProductOf(ContactReason reason)
    {
        var key = reason == default ? Unspecified : reason.Root;
        if (!_products.TryGetValue(key, out var state))
        {
            state = new SeriesState(key);
            _products.Add(key, state);
        }

        return state;
    }

    /// <summary>Returns whether an enum value is one of its named values; the enums here are numbered 0 or 1 upwards without gaps.</summary>
    private static bool IsDefined<TEnum>(TEnum value)
        where TEnum : struct, Enum => EnumRange<TEnum>.Contains(value);

    private ChannelState ChannelOf(Channel channel)
    {
        if (!_channels.TryGetValue(channel, out var state))
        {
            state = new ChannelState();
            _channels.Add(channel, state);
        }

        return state;
    }

    private LevelState LevelOf(int rank)
    {
        if (!_levels.TryGetValue(rank, out var state))
        {
            state = new LevelState();
            _levels.Add(rank, state);
        }

        return state;
    }
}
