using System.Security.Cryptography;
using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.SelfService;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Policies;
using CustomerCare.Sop;
using NodaTime;

namespace CustomerCare;

/// <summary><see cref="ServiceDeskOptions"/> with every default filled in, as the service desk runs with them.</summary>
internal sealed class ServiceDeskSettings
{
    private ServiceDeskSettings(ServiceDeskOptions options, CustomerCareOptions core, DateTimeZone zone)
    {
        Zone = zone;
        BusinessCalendar = options.BusinessCalendar ?? CreateOfficeHours(zone);
        RoutingPolicy = options.RoutingPolicy ?? DefaultRoutingPolicy;
        RoutingOptions = options.RoutingOptions;
        SlaPolicy = options.SlaPolicy;
        KnowledgeMatcher = options.KnowledgeMatcher;
        SelfServicePolicy = options.SelfServicePolicy;
        // The procedure owns reopening: a resolved concern reopens within the lifecycle's window, and a closed procedure
        // is final. A contact after the close therefore starts a follow-up concern instead of reopening a closed one.
        Interactions = options.Interactions ?? new InteractionsOptions { ReopenWindow = Duration.Zero };
        ReferenceTokenKey = options.ReferenceTokenKey ?? RandomNumberGenerator.GetBytes(32);
        Procedures = options.Procedures ?? DefaultLifecycle.Register(new ProcedureCatalog());
        ConcernType = options.ConcernType;
        DueWorkLease = options.DueWorkLease;
        RouteOnReceive = options.RouteOnReceive;
        BatchSize = core.DueWorkBatchSize;
        ChannelHours = options.ChannelHours.Count > 0
            ? new Dictionary<Channel, IBusinessCalendar>(options.ChannelHours)
            : new Dictionary<Channel, IBusinessCalendar>
            {
                [Channel.Phone] = BusinessCalendar,
                [Channel.Email] = Sla.Calendars.BusinessCalendar.AlwaysOpen(zone),
                [Channel.Web] = Sla.Calendars.BusinessCalendar.AlwaysOpen(zone),
            };
    }

    /// <summary>Gets the routing policy used when the host sets none: one general ladder over three levels.</summary>
    public static RoutingPolicy DefaultRoutingPolicy { get; } = new()
    {
        Levels = [CompetenceLevel.FirstLevel, CompetenceLevel.SecondLevel, CompetenceLevel.ThirdLevel],
        DefaultRule = new ClassificationRule { Name = "general", EntryLevel = CompetenceLevel.FirstLevel, Ladder = "general" },
        Ladders =
        [
            new EscalationLadder
            {
                Name = "general",
                Steps =
                [
                    new LadderStep { Name = "first-level", Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(10) },
                    new LadderStep { Name = "specialists", Level = CompetenceLevel.SecondLevel, Timeout = Duration.FromHours(2) },
                    new LadderStep { Name = "experts", Level = CompetenceLevel.ThirdLevel },
                ],
            },
        ],
    };

    public DateTimeZone Zone { get; }

    public IBusinessCalendar BusinessCalendar { get; }

    public RoutingPolicy RoutingPolicy { get; }

    public RoutingOptions? RoutingOptions { get; }

    public SlaPolicy? SlaPolicy { get; }

    public IKnowledgeMatcher? KnowledgeMatcher { get; }

    public SelfServicePolicy? SelfServicePolicy { get; }

    public InteractionsOptions Interactions { get; }

    public byte[] ReferenceTokenKey { get; }

    public ProcedureCatalog Procedures { get; }

    public string ConcernType { get; }

    public Duration DueWorkLease { get; }

    public bool RouteOnReceive { get; }

    public int BatchSize { get; }

    public IReadOnlyDictionary<Channel, IBusinessCalendar> ChannelHours { get; }

    /// <summary>Fills in the defaults; the zone comes from <see cref="CustomerCareOptions.TimeZone"/>, or UTC when it is unknown.</summary>
    public static ServiceDeskSettings Create(ServiceDeskOptions options, CustomerCareOptions core, IDateTimeZoneProvider zones) =>
        new(options, core, zones.GetZoneOrNull(core.TimeZone) ?? DateTimeZone.Utc);

    private static BusinessCalendar CreateOfficeHours(DateTimeZone zone) =>
        new BusinessCalendarBuilder("office-hours", zone)
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-18:00"))
            .Build();
}
