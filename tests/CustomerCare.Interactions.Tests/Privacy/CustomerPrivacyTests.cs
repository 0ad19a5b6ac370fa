using System.Text.Json;
using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Privacy;
using NodaTime;

namespace CustomerCare.Interactions.Tests.Privacy;

public class CustomerPrivacyTests
{
    private static readonly ContactReason Refund = ContactReason.Parse("billing/refund");

    // Every personal value the scenario stores, in the forms a store could hold it.
    private static readonly string[] PersonalValues =
    [
        "anna.berg@example.com", "Anna.Berg@Example.com", "+49301234567", "030 1234567", "Anna Berg", "A. Berg",
        "anna.alt@example.com", "Refund for order 4711", "blob://mail/1", "blob://attachments/invoice.pdf",
        "m1@example.com", "m2@example.com", "call-1", "order 4711 total", "C-10023", "Hauptstraße 1", "+49307654321", "7654321",
    ];

    private readonly Harness _harness = new();

    [Fact]
    public async Task Erase_NoPersonalValueRemainsInAnyStore()
    {
        var (customerId, _) = await SeedAsync();

        var report = await _harness.Privacy.EraseAsync(customerId);

        var strings = StoreScanner.Strings(_harness.Customers, _harness.Interactions, _harness.Concerns);
        Assert.NotEmpty(strings);
        foreach (var value in PersonalValues)
        {
            Assert.DoesNotContain(strings, s => s.Contains(value, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(2, report.Customers.Count);
        Assert.Equal(["blob://mail/1", "blob://attachments/invoice.pdf"], report.ContentReferences);
    }

    [Fact]
    public async Task Erase_KeepsStatisticalFacts()
    {
        var (customerId, concernId) = await SeedAsync();
        var before = await _harness.Interactions.ListByCustomerAsync(customerId);

        await _harness.Privacy.EraseAsync(customerId);

        var after = await _harness.Interactions.ListByCustomerAsync(customerId);
        Assert.Equal(
            before.Select(i => (i.Id, i.Channel, i.Direction, i.Kind, i.OccurredAt, i.RecordedAt, i.ContactReason, i.ConcernId)),
            after.Select(i => (i.Id, i.Channel, i.Direction, i.Kind, i.OccurredAt, i.RecordedAt, i.ContactReason, i.ConcernId)));
        var concern = (await _harness.Concerns.FindAsync(concernId))!;
        Assert.Equal((Refund, ConcernStatus.Resolved), (concern.ContactReason!.Value, concern.Status));
        var customer = (await _harness.Customers.FindAsync(customerId))!;
        Assert.Equal(Harness.Start, customer.ErasedAt);
        Assert.Single(await _harness.Customers.ListConsentAsync(customerId));
    }

    [Fact]
    public async Task Erase_Twice_ChangesNothingMore()
    {
        var (customerId, _) = await SeedAsync();
        await _harness.Privacy.EraseAsync(customerId);

        var again = await _harness.Privacy.EraseAsync(customerId);

        Assert.Equal((0, 0, 0), (again.InteractionsAnonymized, again.ConcernsAnonymized, again.MergesAnonymized));
        Assert.Empty(again.ContentReferences);
    }

    [Fact]
    public async Task Erase_ErasedCustomer_RejectsNewRecordings()
    {
        var (customerId, _) = await SeedAsync();
        await _harness.Privacy.EraseAsync(customerId);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () => await _harness.Recorder.RecordAsync(new Interaction
        {
            Id = InteractionId.New(Harness.Start),
            Channel = Channel.Web,
            Direction = InteractionDirection.Inbound,
            Kind = InteractionKind.Transaction,
            OccurredAt = Harness.Start,
            RecordedAt = Harness.Start,
            CustomerId = customerId,
        }));

        Assert.Contains("was erased", exception.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<EntityNotFoundException>(async () => await _harness.Privacy.EraseAsync(CustomerId.New(Harness.Start)));
    }

    [Fact]
    public async Task Export_WritesEverythingOfTheCustomerOnly()
    {
        var (customerId, concernId) = await SeedAsync();
        using var stream = new MemoryStream();

        await _harness.Privacy.ExportAsync(customerId, stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(CustomerPrivacy.ExportFormat, root.GetProperty("format").GetString());
        Assert.Equal(customerId.ToString(), root.GetProperty("customer").GetProperty("id").GetString());
        Assert.Contains(root.GetProperty("customer").GetProperty("contactPoints").EnumerateArray(), p => p.GetProperty("value").GetString() == "anna.berg@example.com");
        Assert.Equal(3, root.GetProperty("interactions").GetArrayLength());
        Assert.Equal(concernId.ToString(), root.GetProperty("concerns")[0].GetProperty("id").GetString());
        Assert.Equal("marketing", root.GetProperty("consent")[0].GetProperty("purpose").GetString());
        Assert.Single(root.GetProperty("merges").EnumerateArray());
        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        Assert.DoesNotContain("colleague@other.example", text, StringComparison.Ordinal);
        Assert.Contains("\"otherParticipants\": 2", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_LatestStatementWins()
    {
        var (customerId, _) = await SeedAsync();
        _harness.Clock.Advance(Duration.FromDays(2));

        var before = await _harness.Privacy.HasConsentAsync(customerId, "marketing", Channel.Email);
        await _harness.Privacy.RecordConsentAsync(new ConsentEntry(customerId, "marketing", Channel.Email, ConsentStatus.Withdrawn, Harness.Start.Plus(Duration.FromDays(1)), "call"));
        var after = await _harness.Privacy.HasConsentAsync(customerId, "Marketing", Channel.Email);

        Assert.True(before);
        Assert.False(after);
        Assert.False(await _harness.Privacy.HasConsentAsync(customerId, "marketing", Channel.Phone));
        await Assert.ThrowsAsync<EntityNotFoundException>(async () => await _harness.Privacy.RecordConsentAsync(
            new ConsentEntry(CustomerId.New(Harness.Start), "marketing", Channel.Email, ConsentStatus.Granted, Harness.Start, "web-form")));
    }

    [Fact]
    public void ConsentEntry_BadInput_Throws()
    {
        var id = CustomerId.New(Harness.Start);

        Assert.Throws<ArgumentException>(() => new ConsentEntry(id, "mark eting", Channel.Email, ConsentStatus.Granted, Harness.Start, "web"));
        Assert.Throws<ArgumentException>(() => new ConsentEntry(id, "marketing", default, ConsentStatus.Granted, Harness.Start, "web"));
        Assert.Throws<ArgumentException>(() => new ConsentEntry(id, "marketing", Channel.Email, (ConsentStatus)5, Harness.Start, "web"));
        Assert.Throws<ArgumentException>(() => new ConsentEntry(default, "marketing", Channel.Email, ConsentStatus.Granted, Harness.Start, "web"));
    }

    private async Task<(CustomerId Customer, ConcernId Concern)> SeedAsync()
    {
        var email = await _harness.Recorder.RecordInboundAsync(new InboundContact
        {
            Channel = Channel.Email,
            OccurredAt = Harness.Start,
            ExternalId = "m1@example.com",
            Subject = "Refund for order 4711",
            DisplayName = "Anna Berg",
            ContactReason = Refund,
            ContentReference = "blob://mail/1",
            Attachments = ["blob://attachments/invoice.pdf"],
            Metadata = new Dictionary<string, string> { ["note"] = "order 4711 total" },
            Identity = [ContactPoint.Email("Anna.Berg@Example.com"), ContactPoint.Phone("030 1234567", "DE"), ContactPoint.ExternalId("crm", "C-10023"), ContactPoint.PostalAddress("Hauptstraße 1, 10115 Berlin", "DE")],
            Participants =
            [
                new Participant(ParticipantRole.From, ContactPoint.Email("Anna.Berg@Example.com")),
                new Participant(ParticipantRole.To, ContactPoint.Email("support@shop.example")),
                new Participant(ParticipantRole.Cc, ContactPoint.Email("colleague@other.example")),
            ],
        });
        await _harness.Recorder.RecordInboundAsync(Harness.Email("anna.berg@example.com", "m2@example.com", "Re: Refund for order 4711") with { InReplyTo = ["m1@example.com"] });
        var alt = await _harness.Recorder.RecordInboundAsync(Harness.Call("+49 30 7654321", "call-1", Refund, Harness.Start.Plus(Duration.FromDays(10))) with
        {
            DisplayName = "A. Berg",
            Identity = [ContactPoint.Email("anna.alt@example.com"), ContactPoint.Phone("+49 30 7654321")],
        });
        await _harness.Merger.MergeAsync(email.Customer.Id, alt.Customer.Id, "agt-7", "Anna Berg called from her second number");
        await _harness.Privacy.RecordConsentAsync(new ConsentEntry(email.Customer.Id, "marketing", Channel.Email, ConsentStatus.Granted, Harness.Start, "web-form", "v3"));
        var concern = (await _harness.Concerns.FindAsync(email.Concern!.Id))!;
        await _harness.Concerns.UpdateAsync(concern.Resolve(Harness.Start.Plus(Duration.FromDays(1))).Concern, concern.Version);
        return (email.Customer.Id, email.Concern.Id);
    }
}
