using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Privacy;
using CustomerCare.Interactions.Threading;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CustomerCare.Testing.Interactions;

/// <summary>
/// The tests every set of customer, interaction and concern stores must pass for the right to be forgotten: after
/// <see cref="CustomerPrivacy.EraseAsync"/>, no personal value of the customer is left anywhere in the storage, while
/// the statistical facts stay. Derive from this class, implement <see cref="CreateStores"/> and
/// <see cref="ReadStoredTextAsync"/>.
/// </summary>
/// <remarks>
/// The scenario records two emails and a call through <see cref="InteractionRecorder"/>, merges the caller into the
/// email customer, appends consent and resolves the concern, then erases the survivor. Every personal value in it is
/// ASCII, so a JSON document that escapes other characters still contains it verbatim.
/// </remarks>
public abstract class ErasureConformanceTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly ContactReason Refund = ContactReason.Parse("billing/refund");

    // Every personal value of the scenario, or the part of it that any stored form (normalized, folded) contains.
    private static readonly string[] PersonalValues =
    [
        "anna.berg", "Anna Berg", "A. Berg", "anna.alt", "1234567", "7654321", "C-10023", "Hauptstrasse",
        "Refund for order 4711", "order 4711 total", "blob://", "m1@example.com", "m2@example.com", "call-1",
        "colleague@other.example", "second number",
    ];

    private readonly FakeClock _clock = new(Start);

    /// <summary>Creates empty stores on one storage for one test.</summary>
    /// <returns>The stores under test, which must share their storage.</returns>
    protected abstract (ICustomerStore Customers, IInteractionStore Interactions, IConcernStore Concerns) CreateStores();

    /// <summary>Reads every value the stores from <see cref="CreateStores"/> keep, as text: every column of every row of every table, for a database.</summary>
    /// <returns>The stored values; a JSON document counts as one value.</returns>
    protected abstract Task<IReadOnlyList<string>> ReadStoredTextAsync();

    /// <summary>After erasure, no stored value contains a personal value of the customer or of the customer merged into it.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Erase_NoPersonalValueLeft()
    {
        var (customers, interactions, concerns) = CreateStores();
        var (customerId, _) = await SeedAsync(customers, interactions, concerns);
        var before = await ReadStoredTextAsync();

        var report = await Privacy(customers, interactions, concerns).EraseAsync(customerId);

        // The check must be able to fail: before erasure, the storage contains every personal value.
        var after = await ReadStoredTextAsync();
        foreach (var value in PersonalValues)
        {
            Assert.True(before.Any(text => text.Contains(value, StringComparison.OrdinalIgnoreCase)), $"Before erasure, no stored value contains '{value}'.");
        }

        foreach (var value in PersonalValues)
        {
            var left = after.FirstOrDefault(text => text.Contains(value, StringComparison.OrdinalIgnoreCase));
            Assert.True(left is null, $"After erasure, a stored value still contains '{value}': {left}");
        }

        Assert.Equal(2, report.Customers.Count);
        Assert.Equal(["blob://mail/1", "blob://attachments/invoice.pdf"], report.ContentReferences);
    }

    /// <summary>Erasure keeps the identifiers, channels, instants, contact reasons, statuses and the consent ledger.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Erase_KeepsStatisticalFacts()
    {
        var (customers, interactions, concerns) = CreateStores();
        var (customerId, concernId) = await SeedAsync(customers, interactions, concerns);
        var before = await interactions.ListByCustomerAsync(customerId);

        await Privacy(customers, interactions, concerns).EraseAsync(customerId);

        var after = await interactions.ListByCustomerAsync(customerId);
        Assert.Equal(
            before.Select(i => (i.Id, i.Sequence, i.Channel, i.Direction, i.Kind, i.OccurredAt, i.RecordedAt, i.ContactReason, i.ConcernId)),
            after.Select(i => (i.Id, i.Sequence, i.Channel, i.Direction, i.Kind, i.OccurredAt, i.RecordedAt, i.ContactReason, i.ConcernId)));
        var concern = (await concerns.FindAsync(concernId))!;
        Assert.Equal(Refund, concern.ContactReason);
        Assert.Equal(ConcernStatus.Resolved, concern.Status);
        Assert.Null(concern.Subject);
        var customer = (await customers.FindAsync(customerId))!;
        Assert.Equal(Start, customer.ErasedAt);
        Assert.Empty(customer.ContactPoints);
        Assert.Single(await customers.ListConsentAsync(customerId));
    }

    /// <summary>Erasing again finds nothing left to change, and the freed contact points can belong to a new customer.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Erase_Twice_ChangesNothingMore()
    {
        var (customers, interactions, concerns) = CreateStores();
        var (customerId, _) = await SeedAsync(customers, interactions, concerns);
        var privacy = Privacy(customers, interactions, concerns);
        await privacy.EraseAsync(customerId);

        var again = await privacy.EraseAsync(customerId);
        var newcomer = await customers.CreateAsync(new Customer
        {
            Id = CustomerId.New(Start),
            CreatedAt = Start,
            ContactPoints = [ContactPoint.Email("anna.berg@example.com")],
        });

        Assert.Equal(0, again.InteractionsAnonymized);
        Assert.Equal(0, again.ConcernsAnonymized);
        Assert.Equal(0, again.MergesAnonymized);
        Assert.Empty(again.ContentReferences);
        Assert.Equal(newcomer.Id, (await customers.FindByContactPointAsync(ContactPoint.Email("anna.berg@example.com")))!.Id);
    }

    private CustomerPrivacy Privacy(ICustomerStore customers, IInteractionStore interactions, IConcernStore concerns) =>
        new(customers, interactions, concerns, _clock);

    private async Task<(CustomerId Customer, ConcernId Concern)> SeedAsync(ICustomerStore customers, IInteractionStore interactions, IConcernStore concerns)
    {
        var options = new InteractionsOptions { DefaultRegion = "DE" };
        var signer = new ReferenceTokenSigner([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        var recorder = new InteractionRecorder(customers, interactions, concerns, ThreadingPipeline.CreateDefault(interactions, concerns, signer, options), _clock);

        var email = await recorder.RecordInboundAsync(new InboundContact
        {
            Channel = Channel.Email,
            OccurredAt = Start,
            ExternalId = "m1@example.com",
            Subject = "Refund for order 4711",
            DisplayName = "Anna Berg",
            ContactReason = Refund,
            ContentReference = "blob://mail/1",
            Attachments = ["blob://attachments/invoice.pdf"],
            Metadata = new Dictionary<string, string> { ["note"] = "order 4711 total" },
            Identity =
            [
                ContactPoint.Email("Anna.Berg@Example.com"), ContactPoint.Phone("030 1234567", "DE"), ContactPoint.ExternalId("crm", "C-10023"),
                ContactPoint.PostalAddress("Hauptstrasse 1, 10115 Berlin", "DE"),
            ],
            Participants =
            [
                new Participant(ParticipantRole.From, ContactPoint.Email("Anna.Berg@Example.com")),
                new Participant(ParticipantRole.To, ContactPoint.Email("support@shop.example")),
                new Participant(ParticipantRole.Cc, ContactPoint.Email("colleague@other.example")),
            ],
        });
        await recorder.RecordInboundAsync(new InboundContact
        {
            Channel = Channel.Email,
            OccurredAt = Start,
            ExternalId = "m2@example.com",
            Subject = "Re: Refund for order 4711",
            InReplyTo = ["m1@example.com"],
            Participants = [new Participant(ParticipantRole.From, ContactPoint.Email("anna.berg@example.com"))],
        });
        var call = await recorder.RecordInboundAsync(new InboundContact
        {
            Channel = Channel.Phone,
            Kind = InteractionKind.Call,
            OccurredAt = Start.Plus(Duration.FromDays(10)),
            ExternalId = "call-1",
            ContactReason = Refund,
            DisplayName = "A. Berg",
            Identity = [ContactPoint.Email("anna.alt@example.com"), ContactPoint.Phone("+49 30 7654321")],
            Participants = [new Participant(ParticipantRole.From, ContactPoint.Phone("+49 30 7654321", "DE"))],
        });

        await new CustomerMerger(customers, interactions, concerns, _clock).MergeAsync(
            email.Customer.Id, call.Customer.Id, "agt-7", "Anna Berg called from her second number");
        await customers.AppendConsentAsync(new ConsentEntry(email.Customer.Id, "marketing", Channel.Email, ConsentStatus.Granted, Start, "web-form", "v3"));
        var concern = (await concerns.FindAsync(email.Concern!.Id))!;
        await concerns.UpdateAsync(concern.Resolve(Start.Plus(Duration.FromDays(1))).Concern, concern.Version);
        return (email.Customer.Id, email.Concern.Id);
    }
}
