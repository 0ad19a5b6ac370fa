using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.SelfService;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Policies;
using CustomerCare.Testing;
using CustomerCare.Testing.CompetenceRouting;
using NodaTime;

namespace CustomerCare.Tests.Pipeline;

/// <summary>A test host with the service desk on in-memory stores, and builders of contacts, agents and policies.</summary>
internal sealed class ServiceDeskHarness : IAsyncDisposable
{
    public static readonly ContactReason Delivery = ContactReason.Parse("orders/delivery");

    private ServiceDeskHarness(CustomerCareTestHost host)
    {
        Host = host;
    }

    public CustomerCareTestHost Host { get; }

    public ServiceDesk Desk => Host.GetRequiredService<ServiceDesk>();

    public FakeClockAccess Time => new(Host);

    public static ServiceDeskHarness Create(Action<ICustomerCareBuilder>? configure = null, Instant? start = null) =>
        new(CustomerCareTestHost.Create(
            b =>
            {
                b.UseInMemoryStores();
                b.ConfigureServiceDesk(o => o.ReferenceTokenKey = new byte[32]);
                configure?.Invoke(b);
            },
            start));

    public static SlaPolicy Sla(Duration firstResponse, Duration resolution) =>
        new SlaPolicyBuilder("test-sla")
            .SetDefault(rule => rule
                .AddTarget(SlaTargetKind.FirstResponse, firstResponse, BusinessCalendar.AlwaysOpenUtc, 50)
                .AddTarget(SlaTargetKind.Resolution, resolution, BusinessCalendar.AlwaysOpenUtc, 75)
                .AddTarget(SlaTargetKind.NextResponse, firstResponse, BusinessCalendar.AlwaysOpenUtc))
            .Build();

    public static IKnowledgeMatcher Knowledge() =>
        Bm25KnowledgeMatcher.Build(
        [
            Article("account/password", "Reset your password", "how do i reset my password", "i forgot my password", "reset password link"),
            Article("orders/delivery", "Where is my order", "where is my order", "my parcel has not arrived", "when will my order be delivered"),
            Article("account/close", "Close your account", "how do i close my account", "delete my account please"),
        ]);

    public async Task<Agent> AddAgentAsync(long number, string levels = "1")
    {
        return await Desk.SaveAgentAsync(RoutingTestData.Agent(number, levels: levels, idleSince: Host.Clock.GetCurrentInstant()), 0);
    }

    public InboundContact Email(string externalId, string subject, string? body = null, ContactReason? reason = null, string address = "anna@example.com") => new()
    {
        Channel = Channel.Email,
        Kind = InteractionKind.Message,
        OccurredAt = Host.Clock.GetCurrentInstant(),
        ExternalId = externalId,
        Subject = subject,
        BodyText = body,
        ContactReason = reason,
        Identity = [ContactPoint.Email(address)],
    };

    public InboundContact Call(string externalId, string phone, ContactReason? reason = null) => new()
    {
        Channel = Channel.Phone,
        Kind = InteractionKind.Call,
        OccurredAt = Host.Clock.GetCurrentInstant(),
        ExternalId = externalId,
        ContactReason = reason,
        Identity = [ContactPoint.Phone(phone)],
    };

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static KnowledgeArticle Article(string intent, string title, params string[] variants) =>
        new(ArticleId.New(CustomerCareTestHost.DefaultStart), title, "Answer: " + title + ".", ContactReason.Parse(intent))
        {
            QuestionVariants = [.. variants],
            Status = ArticleStatus.Published,
        };

    /// <summary>Moves the fake clock.</summary>
    internal readonly struct FakeClockAccess(CustomerCareTestHost host)
    {
        public Instant Now => host.Clock.GetCurrentInstant();

        public void Advance(Duration duration) => host.Clock.Advance(duration);
    }
}
