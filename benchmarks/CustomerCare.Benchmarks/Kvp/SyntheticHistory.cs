using CustomerCare.Core;
using CustomerCare.Kvp.History;
using NodaTime;

namespace CustomerCare.Benchmarks.Kvp;

/// <summary>
/// A deterministic service history of 200,000 concerns with 5 interactions, 4 lifecycle events and 1 SLA outcome each
/// (1,000,000 interactions, 2,000,000 records), in time order. Records are kept as 16-byte entries and turned into
/// input records while they are fed, so the data set itself stays small next to the metrics under test.
/// </summary>
internal sealed class SyntheticHistory
{
    public const int Concerns = 200_000;

    private static readonly Instant Start = Instant.FromUtc(2025, 1, 6, 8, 0);
    private static readonly Channel[] Channels = [Channel.Email, Channel.Phone, Channel.Web, Channel.Chat, Channel.Letter];
    private static readonly ContactReason[] Reasons = Enumerable.Range(0, 60)
        .Select(i => ContactReason.Parse($"product-{i % 8}/issue-{i}")).ToArray();

    private readonly Entry[] _entries;
    private readonly ConcernId[] _concerns;
    private readonly CustomerId[] _customers;

    public SyntheticHistory()
    {
        _concerns = new ConcernId[Concerns];
        _customers = new CustomerId[Concerns];
        var random = new Random(42);
        var entries = new Entry[Concerns * 10];
        var next = 0;
        for (var i = 0; i < Concerns; i++)
        {
            _concerns[i] = new ConcernId(Value(1, i + 1));
            _customers[i] = new CustomerId(Value(2, (i % 150_000) + 1));
            var opened = Start.Plus(Duration.FromSeconds(i * 90L)).ToUnixTimeTicks();
            var reply = opened + TimeSpan.FromMinutes(10 + random.Next(0, 30 * 60)).Ticks;
            var resolved = reply + TimeSpan.FromHours(1 + random.Next(0, 72)).Ticks;
            entries[next++] = new Entry(opened, i, Kind.Opened);
            entries[next++] = new Entry(opened, i, Kind.CustomerMessage);
            entries[next++] = new Entry(opened + TimeSpan.TicksPerMinute, i, Kind.AutoReply);
            entries[next++] = new Entry(reply - TimeSpan.TicksPerMinute, i, Kind.StateOpen);
            entries[next++] = new Entry(reply, i, Kind.PersonReply);
            entries[next++] = new Entry(reply + TimeSpan.TicksPerHour, i, random.Next(0, 10) == 0 ? Kind.SurveyResponse : Kind.CustomerMessage);
            entries[next++] = new Entry(reply + (3 * TimeSpan.TicksPerHour), i, Kind.PersonReply);
            entries[next++] = new Entry(resolved, i, Kind.Resolved);
            entries[next++] = new Entry(resolved, i, random.Next(0, 10) == 0 ? Kind.SlaBreached : Kind.SlaMet);
            entries[next++] = new Entry(resolved + TimeSpan.FromDays(3).Ticks, i, Kind.Closed);
        }

        // Sorted in place to keep the data set's own memory small. Records of one concern that share an instant keep the
        // order of the Kind values, which is the order they happen in.
        Array.Sort(entries, static (a, b) => a.Ticks != b.Ticks ? a.Ticks.CompareTo(b.Ticks) : a.Concern != b.Concern ? a.Concern.CompareTo(b.Concern) : a.What.CompareTo(b.What));
        _entries = entries;
    }

    private enum Kind : byte
    {
        Opened,
        CustomerMessage,
        AutoReply,
        StateOpen,
        PersonReply,
        SurveyResponse,
        Resolved,
        SlaMet,
        SlaBreached,
        Closed,
    }

    public int Records => _entries.Length;

    public Instant End => Instant.FromUnixTimeTicks(_entries[^1].Ticks);

    public void FeedTo(CustomerCare.Kvp.Metrics.KvpMetricsAccumulator metrics)
    {
        foreach (var entry in _entries)
        {
            var at = Instant.FromUnixTimeTicks(entry.Ticks);
            var concern = _concerns[entry.Concern];
            var customer = _customers[entry.Concern];
            var channel = Channels[entry.Concern % Channels.Length];
            switch (entry.What)
            {
                case Kind.Opened:
                    metrics.Add(ConcernEvent.Opened(concern, at, customer, channel, Reasons[entry.Concern % Reasons.Length]));
                    break;
                case Kind.CustomerMessage:
                    metrics.Add(new InteractionRecord(concern, customer, at, channel, InteractionDirection.Inbound, AuthorType.Customer));
                    break;
                case Kind.AutoReply:
                    metrics.Add(new InteractionRecord(concern, customer, at, channel, InteractionDirection.Outbound, AuthorType.AutoReply));
                    break;
                case Kind.StateOpen:
                    metrics.Add(ConcernEvent.StateChanged(concern, at, ConcernStatus.Open));
                    break;
                case Kind.PersonReply:
                    metrics.Add(new InteractionRecord(concern, customer, at, channel, InteractionDirection.Outbound, AuthorType.Person)
                    {
                        WorkTime = Duration.FromMinutes(4 + (entry.Concern % 7)),
                        Level = entry.Concern % 5 == 0 ? CompetenceLevel.SecondLevel : CompetenceLevel.FirstLevel,
                    });
                    break;
                case Kind.SurveyResponse:
                    metrics.Add(new InteractionRecord(concern, customer, at, channel, InteractionDirection.Inbound, AuthorType.Customer)
                    {
                        Kind = InteractionKind.SurveyResponse,
                        Survey = new SurveyAnswers(1 + (entry.Concern % 5), entry.Concern % 11, 1 + (entry.Concern % 7)),
                    });
                    break;
                case Kind.Resolved:
                    metrics.Add(ConcernEvent.Resolved(concern, at));
                    break;
                case Kind.SlaMet or Kind.SlaBreached:
                    metrics.Add(new SlaOutcomeRecord(concern, "resolution", entry.What == Kind.SlaMet ? SlaOutcome.Met : SlaOutcome.Breached, at));
                    break;
                case Kind.Closed:
                    metrics.Add(ConcernEvent.Closed(concern, at));
                    break;
            }
        }
    }

    private static Guid Value(byte kind, long number)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = kind;
        bytes[6] = 0x70;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[8..], unchecked((long)0x8000_0000_0000_0000UL) | number);
        return new Guid(bytes, bigEndian: true);
    }

    private readonly record struct Entry(long Ticks, int Concern, Kind What);
}
