using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Privacy;
using CustomerCare.Interactions.Threading;
using CustomerCare.Testing.Interactions;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Interactions.Tests;

/// <summary>The package's services over the in-memory stores, on a fake clock.</summary>
internal sealed class Harness
{
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    public static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public Harness(InteractionsOptions? options = null)
    {
        Options = options ?? new InteractionsOptions { DefaultRegion = "DE" };
        Signer = new ReferenceTokenSigner(Key);
        Pipeline = ThreadingPipeline.CreateDefault(Interactions, Concerns, Signer, Options);
        Recorder = new InteractionRecorder(Customers, Interactions, Concerns, Pipeline, Clock);
        Merger = new CustomerMerger(Customers, Interactions, Concerns, Clock);
        ConcernMerger = new ConcernMerger(Concerns, Interactions, Clock);
        Privacy = new CustomerPrivacy(Customers, Interactions, Concerns, Clock);
    }

    public FakeClock Clock { get; } = new(Start);

    public InteractionsOptions Options { get; }

    public InMemoryCustomerStore Customers { get; } = new();

    public InMemoryInteractionStore Interactions { get; } = new();

    public InMemoryConcernStore Concerns { get; } = new();

    public ReferenceTokenSigner Signer { get; }

    public ThreadingPipeline Pipeline { get; }

    public InteractionRecorder Recorder { get; }

    public CustomerMerger Merger { get; }

    public ConcernMerger ConcernMerger { get; }

    public CustomerPrivacy Privacy { get; }

    public static InboundContact Email(string from, string messageId, string subject = "Refund for order 4711", Instant? at = null) => new()
    {
        Channel = Channel.Email,
        OccurredAt = at ?? Start,
        ExternalId = messageId,
        Subject = subject,
        Participants =
        [
            new Participant(ParticipantRole.From, ContactPoint.Email(from)),
            new Participant(ParticipantRole.To, ContactPoint.Email("support@shop.example")),
        ],
    };

    public static InboundContact Call(string number, string callId, ContactReason reason, Instant at) => new()
    {
        Channel = Channel.Phone,
        Kind = InteractionKind.Call,
        OccurredAt = at,
        ExternalId = callId,
        ContactReason = reason,
        Participants = [new Participant(ParticipantRole.From, ContactPoint.Phone(number, "DE"))],
    };

    public async Task<Concern> CloseAsync(ConcernId id, Instant at)
    {
        var concern = (await Concerns.FindAsync(id))!;
        return await Concerns.UpdateAsync(concern.Close(at).Concern, concern.Version);
    }
}
