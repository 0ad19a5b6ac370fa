using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Identity;
using CustomerCare.Interactions.Threading;
using NodaTime;

namespace CustomerCare.Interactions.Tests.Threading;

/// <summary>Every threading rule and its reason, through the recorder over the in-memory stores.</summary>
public class InteractionRecorderThreadingTests
{
    private static readonly ContactReason Refund = ContactReason.Parse("billing/refund");

    private readonly Harness _harness = new();

    [Fact]
    public async Task FirstContact_NewCustomerAndConcern()
    {
        var result = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));

        Assert.True(result.CustomerCreated);
        Assert.Equal(MatchConfidence.New, result.Identity.Confidence);
        Assert.Equal(ThreadingAction.New, result.Threading.Action);
        Assert.Equal(["duplicate", "signed-reference", "message-reference", "concern-number", "cross-channel", "new-concern"], result.Threading.Steps.Select(s => s.Rule));
        Assert.Equal(ConcernStatus.Open, result.Concern!.Status);
        Assert.Equal(10001, result.Concern.Number);
        Assert.Equal(result.Concern.Id, result.Interaction.ConcernId);
        Assert.Equal(result.Customer.Id, result.Interaction.CustomerId);
        Assert.True(result.Customer.Has(ContactPoint.Email("anna@example.com")));
    }

    [Fact]
    public async Task SameMessageId_Duplicate()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));

        var again = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));

        Assert.True(again.WasDuplicate);
        Assert.Equal(ThreadingAction.Duplicate, again.Threading.Action);
        Assert.Equal(first.Interaction.Id, again.Interaction.Id);
        Assert.Contains($"recorded as {first.Interaction.Id}", again.Threading.Reason, StringComparison.Ordinal);
        Assert.Equal(1, _harness.Interactions.Count);
    }

    [Fact]
    public async Task ConcurrentSameMessage_OneInteractionConcernAndCustomer()
    {
        var contact = Harness.Email("race@example.com", "race@example.com");

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(async () => await _harness.Recorder.RecordInboundAsync(contact))));

        Assert.Single(results.Select(r => r.Interaction.Id).Distinct());
        Assert.Single(results.Select(r => r.Concern!.Id).Distinct());
        Assert.Single(results.Select(r => r.Customer.Id).Distinct());
        Assert.Single(results, r => !r.WasDuplicate);
        Assert.Equal(1, _harness.Interactions.Count);
        Assert.Single(await _harness.Concerns.ListByCustomerAsync(results[0].Customer.Id));
    }

    [Fact]
    public async Task ConcurrentFirstContactsFromOneAddress_OneCustomer()
    {
        var contacts = Enumerable.Range(0, 16).Select(i => Harness.Email("new@example.com", $"m{i}@example.com")).ToArray();

        var results = await Task.WhenAll(contacts.Select(c => Task.Run(async () => await _harness.Recorder.RecordInboundAsync(c))));

        Assert.Single(results.Select(r => r.Customer.Id).Distinct());
        Assert.Equal(16, _harness.Interactions.Count);
    }

    [Fact]
    public async Task SignedReferenceInSubject_JoinsEvenFromAnotherSender()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var tag = _harness.Signer.CreateSubjectTag(first.Concern!.Id);

        var colleague = await _harness.Recorder.RecordInboundAsync(Harness.Email("ben@other.example", "m2@other.example", $"Question {tag}"));

        Assert.Equal(ThreadingAction.Join, colleague.Threading.Action);
        Assert.Equal(first.Concern.Id, colleague.Concern!.Id);
        Assert.Contains("the subject carries a valid signed reference", colleague.Threading.Reason, StringComparison.Ordinal);
        Assert.True(colleague.Concern.HasParticipant(ContactPoint.Email("ben@other.example")));
    }

    [Fact]
    public async Task SignedReferenceInReplyAddress_Joins()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var token = _harness.Signer.CreateToken(first.Concern!.Id);
        var reply = Harness.Email("anna@example.com", "m2@example.com", "no headers, new subject") with
        {
            Participants =
            [
                new Participant(ParticipantRole.From, ContactPoint.Email("anna@example.com")),
                new Participant(ParticipantRole.To, ContactPoint.Email($"Support+{token.ToUpperInvariant()}@shop.example")),
            ],
        };

        var result = await _harness.Recorder.RecordInboundAsync(reply);

        Assert.Equal(first.Concern.Id, result.Concern!.Id);
        Assert.Contains("the reply address carries a valid signed reference", result.Threading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedReferenceInBody_Joins()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var body = $"Hello,\nsee below.\n> ref:{_harness.Signer.CreateToken(first.Concern!.Id)}\n";

        var result = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "Other subject") with { BodyText = body });

        Assert.Equal(first.Concern.Id, result.Concern!.Id);
        Assert.Contains("the body carries a valid signed reference", result.Threading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedReference_IgnoredWithReason()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var forger = new ReferenceTokenSigner([.. Enumerable.Repeat((byte)9, 32)]);

        var result = await _harness.Recorder.RecordInboundAsync(Harness.Email("mallory@evil.example", "m2@evil.example", $"Hi {forger.CreateSubjectTag(first.Concern!.Id)}"));

        Assert.Equal(ThreadingAction.New, result.Threading.Action);
        Assert.NotEqual(first.Concern.Id, result.Concern!.Id);
        var step = Assert.Single(result.Threading.Steps, s => s.Rule == "signed-reference");
        Assert.Contains("signature is not valid", step.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InReplyTo_Joins()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));

        var reply = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "Re: Refund for order 4711") with { InReplyTo = ["m1@example.com"] });

        Assert.Equal(ThreadingAction.Join, reply.Threading.Action);
        Assert.Equal(first.Concern!.Id, reply.Concern!.Id);
        Assert.Contains($"In-Reply-To matches {first.Interaction.Id}", reply.Threading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferencesOnly_EveryIdTried()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        await _harness.Recorder.RecordAsync(new Interaction
        {
            Id = InteractionId.New(Harness.Start),
            Channel = Channel.Email,
            Direction = InteractionDirection.Outbound,
            Kind = InteractionKind.Message,
            OccurredAt = Harness.Start.Plus(Duration.FromHours(1)),
            RecordedAt = Harness.Start.Plus(Duration.FromHours(1)),
            CustomerId = first.Customer.Id,
            ConcernId = first.Concern!.Id,
            ExternalId = "reply1@shop.example",
        });

        var reply = await _harness.Recorder.RecordInboundAsync(
            Harness.Email("anna@example.com", "m3@example.com", "Re: Refund for order 4711") with { References = ["m1@example.com", "reply1@shop.example", "unknown@elsewhere"] });

        Assert.Equal(first.Concern.Id, reply.Concern!.Id);
        Assert.Contains("References matches", reply.Threading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyWithNewSubjectWithoutPrefix_StartsLinkedNewTopic()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));

        var reply = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "My address has changed") with { InReplyTo = ["m1@example.com"] });

        Assert.Equal(ThreadingAction.NewTopic, reply.Threading.Action);
        Assert.NotEqual(first.Concern!.Id, reply.Concern!.Id);
        Assert.Equal(new ConcernLink(ConcernLinkKind.NewTopicFrom, first.Concern.Id, Harness.Start), Assert.Single(reply.Concern.Links));
        Assert.Contains("starts a new topic", reply.Threading.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Re: Refund for order 4711")]
    [InlineData("AW: Refund for order 4711 - and one more thing")]
    [InlineData("refund   FOR order 4711")]
    [InlineData("")]
    public async Task ReplyKeepingTopic_Joins(string subject)
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));

        var reply = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", subject) with { InReplyTo = ["m1@example.com"] });

        Assert.Equal(first.Concern!.Id, reply.Concern!.Id);
    }

    [Fact]
    public async Task ConcernNumberFromKnownSender_Joins()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));

        var result = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", $"[cc#{first.Concern!.Number}] one more question"));

        Assert.Equal(first.Concern.Id, result.Concern!.Id);
        Assert.Contains($"concern number {first.Concern.Number}, which belongs to the sender's customer", result.Threading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcernNumberFromStranger_Ignored()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));

        var result = await _harness.Recorder.RecordInboundAsync(Harness.Email("mallory@evil.example", "m2@evil.example", $"[CC#{first.Concern!.Number}] give me the data"));

        Assert.Equal(ThreadingAction.New, result.Threading.Action);
        Assert.NotEqual(first.Concern.Id, result.Concern!.Id);
        var step = Assert.Single(result.Threading.Steps, s => s.Rule == "concern-number");
        Assert.Contains("neither its customer nor a participant", step.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossChannel_EmailCallAndLetterShareOneConcern()
    {
        var email = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com") with
        {
            ContactReason = Refund,
            Identity = [ContactPoint.Email("anna@example.com"), ContactPoint.Phone("+49301234567")],
        });
        _harness.Clock.Advance(Duration.FromDays(1));

        var call = await _harness.Recorder.RecordInboundAsync(Harness.Call("030 1234567", "call-1", Refund, Harness.Start.Plus(Duration.FromDays(1))));
        _harness.Clock.Advance(Duration.FromDays(4));
        var letter = await _harness.Recorder.RecordInboundAsync(new InboundContact
        {
            Channel = Channel.Letter,
            Kind = InteractionKind.Letter,
            OccurredAt = Harness.Start.Plus(Duration.FromDays(2)),
            ExternalId = "scan-77",
            ContactReason = Refund,
            Identity = [ContactPoint.Phone("+49 30 1234567")],
        });

        Assert.Equal(email.Customer.Id, call.Customer.Id);
        Assert.Equal(email.Concern!.Id, call.Concern!.Id);
        Assert.Equal(email.Concern.Id, letter.Concern!.Id);
        Assert.Contains("has the same reason billing/refund", call.Threading.Reason, StringComparison.Ordinal);
        Assert.Equal(Harness.Start.Plus(Duration.FromDays(2)), letter.Concern.LastActivityAt);
    }

    [Fact]
    public async Task CrossChannel_OutsideWindow_NewConcern()
    {
        var email = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com") with { ContactReason = Refund });

        var later = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "Refund again", Harness.Start.Plus(Duration.FromDays(8))) with { ContactReason = Refund });

        Assert.NotEqual(email.Concern!.Id, later.Concern!.Id);
        var step = Assert.Single(later.Threading.Steps, s => s.Rule == "cross-channel");
        Assert.Contains("outside the window of 7 days", step.Decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrossChannel_OtherReason_NewConcern()
    {
        var email = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com") with { ContactReason = Refund });

        var other = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "Delivery") with { ContactReason = ContactReason.Parse("shipping/late") });

        Assert.NotEqual(email.Concern!.Id, other.Concern!.Id);
    }

    [Fact]
    public async Task ResolvedConcern_Reopened()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var concern = (await _harness.Concerns.FindAsync(first.Concern!.Id))!;
        await _harness.Concerns.UpdateAsync(concern.Resolve(Harness.Start.Plus(Duration.FromHours(1))).Concern, concern.Version);

        var reply = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "Re: Refund for order 4711", Harness.Start.Plus(Duration.FromDays(30))) with { InReplyTo = ["m1@example.com"] });

        Assert.Equal(ThreadingAction.Reopen, reply.Threading.Action);
        Assert.Equal(ConcernStatus.Open, reply.Concern!.Status);
        Assert.Equal(1, reply.Concern.ReopenCount);
        Assert.Contains("is resolved, and a new contact about it reopens it", reply.Threading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedWithinReopenWindow_Reopened()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        await _harness.CloseAsync(first.Concern!.Id, Harness.Start.Plus(Duration.FromDays(1)));

        var reply = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "Re: Refund for order 4711", Harness.Start.Plus(Duration.FromDays(8))) with { InReplyTo = ["m1@example.com"] });

        Assert.Equal(ThreadingAction.Reopen, reply.Threading.Action);
        Assert.Equal(first.Concern.Id, reply.Concern!.Id);
        Assert.Equal(ConcernStatus.Open, reply.Concern.Status);
        Assert.Contains("within the reopen window", reply.Threading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedOutsideReopenWindow_FollowUpLinked()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        await _harness.CloseAsync(first.Concern!.Id, Harness.Start.Plus(Duration.FromDays(1)));
        _harness.Clock.Advance(Duration.FromDays(20));

        var reply = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "Re: Refund for order 4711", Harness.Start.Plus(Duration.FromDays(20))) with { InReplyTo = ["m1@example.com"] });

        Assert.Equal(ThreadingAction.FollowUp, reply.Threading.Action);
        Assert.NotEqual(first.Concern.Id, reply.Concern!.Id);
        Assert.Equal(ConcernLinkKind.FollowUpOf, Assert.Single(reply.Concern.Links).Kind);
        Assert.Equal(ConcernStatus.Closed, (await _harness.Concerns.FindAsync(first.Concern.Id))!.Status);
        Assert.Contains("outside the reopen window, so a follow-up concern starts", reply.Threading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MergedConcern_RedirectsToSurvivor()
    {
        var a = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var b = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "Refund, second mail"));
        await _harness.ConcernMerger.MergeAsync(a.Concern!.Id, b.Concern!.Id);

        var reply = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m3@example.com", $"Re: Refund {_harness.Signer.CreateSubjectTag(a.Concern.Id)}"));

        Assert.Equal(b.Concern.Id, reply.Concern!.Id);
        Assert.Contains($"{a.Concern.Id} was merged into {b.Concern.Id}", reply.Threading.Reason, StringComparison.Ordinal);
        Assert.Equal(3, (await _harness.Interactions.ListByConcernAsync(b.Concern.Id)).Count);
    }

    [Fact]
    public async Task Reasons_CarryNoPersonalData()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com") with { ContactReason = Refund });

        var reply = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m2@example.com", "Re: Refund for order 4711") with { InReplyTo = ["m1@example.com"] });

        foreach (var step in first.Threading.Steps.Concat(reply.Threading.Steps))
        {
            Assert.DoesNotContain("anna", step.Decision.Reason, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("4711", step.Decision.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RecordInbound_BadInput_RejectedBeforeAnyWrite()
    {
        var noSender = Harness.Email("anna@example.com", "m1@example.com") with { Participants = [] };
        var invalid = Harness.Email("anna@example.com", "m2@example.com") with { Kind = (InteractionKind)77, ExternalId = " " };

        await Assert.ThrowsAsync<ArgumentException>(async () => await _harness.Recorder.RecordInboundAsync(noSender));
        var exception = await Assert.ThrowsAsync<CustomerCareValidationException>(async () => await _harness.Recorder.RecordInboundAsync(invalid));

        Assert.Equal(2, exception.Errors.Count);
        Assert.Equal(0, _harness.Interactions.Count);
    }

    [Fact]
    public async Task RecordOutbound_MarksConcernActivityAndFollowsMerges()
    {
        var first = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var other = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna.b@example.com", "m9@example.com"));
        await _harness.Merger.MergeAsync(first.Customer.Id, other.Customer.Id, "agent-1", "same person");
        var at = Harness.Start.Plus(Duration.FromHours(3));

        var reply = await _harness.Recorder.RecordAsync(new Interaction
        {
            Id = InteractionId.New(at),
            Channel = Channel.Email,
            Direction = InteractionDirection.Outbound,
            Kind = InteractionKind.Message,
            OccurredAt = at,
            RecordedAt = at,
            CustomerId = other.Customer.Id,
            ConcernId = first.Concern!.Id,
            ExternalId = "reply@shop.example",
        });
        var again = await _harness.Recorder.RecordAsync(reply.Interaction with { Id = InteractionId.New(at), Version = 0, Sequence = 0 });

        Assert.Equal(first.Customer.Id, reply.Interaction.CustomerId);
        Assert.Equal(at, (await _harness.Concerns.FindAsync(first.Concern.Id))!.LastActivityAt);
        Assert.True(again.WasDuplicate);
    }
}
