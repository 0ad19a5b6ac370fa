using BenchmarkDotNet.Attributes;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Threading;
using CustomerCare.Testing.Interactions;
using NodaTime;

namespace CustomerCare.Benchmarks.Interactions;

/// <summary>
/// One threading decision over stores with 100,000 interactions in 20,000 concerns. Goal: at most 5 µs. The cases
/// are a reply found by In-Reply-To (three rules run), a signed reference in the subject (two rules), and a contact
/// that no rule matches, so every rule runs.
/// </summary>
[MemoryDiagnoser]
public class ThreadingBenchmarks
{
    private ThreadingPipeline _pipeline = null!;
    private ThreadingContext _reply = null!;
    private ThreadingContext _signed = null!;
    private ThreadingContext _unmatched = null!;

    [GlobalSetup]
    public void Setup()
    {
        var interactions = new InMemoryInteractionStore();
        var concerns = new InMemoryConcernStore();
        var signer = new ReferenceTokenSigner([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        _pipeline = ThreadingPipeline.CreateDefault(interactions, concerns, signer, new InteractionsOptions());
        var reason = ContactReason.Parse("billing/refund");

        var drafts = InteractionData.Create(100_000, customers: 10_000);
        var concernIds = new ConcernId[20_000];
        for (var c = 0; c < concernIds.Length; c++)
        {
            concernIds[c] = concerns.CreateAsync(new Concern
            {
                Id = new ConcernId(new Guid(c + 1, 0, 0, [0x70, 0, 0x80, 0, 0, 0, 0, 3])),
                CustomerId = InteractionData.Customer(c % 10_000),
                Subject = "Where is my order?",
                ContactReason = reason,
                OpenedAt = InteractionData.Start,
                LastActivityAt = InteractionData.Start,
            }, null).Completed().Concern.Id;
        }

        for (var i = 0; i < drafts.Length; i++)
        {
            interactions.RecordAsync(drafts[i] with { ConcernId = concernIds[i % concernIds.Length] }).AsTask().Wait();
        }

        var customer = InteractionData.Customer(77);
        var at = InteractionData.Start.Plus(Duration.FromDays(1));
        var basis = new Interaction
        {
            Id = InteractionId.New(at),
            Channel = Channel.Email,
            Direction = InteractionDirection.Inbound,
            Kind = InteractionKind.Message,
            OccurredAt = at,
            RecordedAt = at,
            CustomerId = customer,
            ExternalId = "new@mail.example.com",
            Subject = "Re: Where is my order?",
            Participants = [new Participant(ParticipantRole.From, ContactPoint.Email("anna@example.com"))],
        };
        _reply = new ThreadingContext(basis with { InReplyTo = ["m5000@mail.example.com"] }, null, at);
        _signed = new ThreadingContext(basis with { Subject = "Re: order " + signer.CreateSubjectTag(concernIds[1234]) }, null, at);
        _unmatched = new ThreadingContext(basis with { Subject = "Something else", ContactReason = ContactReason.Parse("shipping/late") }, "Hello, a question.", at);
    }

    [Benchmark]
    public ThreadingAction ReplyByInReplyTo() => _pipeline.DecideAsync(_reply).Completed().Action;

    [Benchmark]
    public ThreadingAction SignedReferenceInSubject() => _pipeline.DecideAsync(_signed).Completed().Action;

    [Benchmark]
    public ThreadingAction NoRuleMatches() => _pipeline.DecideAsync(_unmatched).Completed().Action;
}
