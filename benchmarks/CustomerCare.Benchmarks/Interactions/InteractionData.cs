using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.ContactPoints;
using NodaTime;

namespace CustomerCare.Benchmarks.Interactions;

/// <summary>Deterministic test data: interactions spread over many customers, in time order.</summary>
internal static class InteractionData
{
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    public static CustomerId Customer(int index) => new(new Guid(index + 1, 0, 0, [0x70, 0, 0x80, 0, 0, 0, 0, 1]));

    /// <summary>Creates <paramref name="count"/> unrecorded interactions, one per second, round-robin over <paramref name="customers"/> customers; every second one carries a Message-ID.</summary>
    public static Interaction[] Create(int count, int customers)
    {
        var sender = new Participant(ParticipantRole.From, ContactPoint.Email("anna@example.com"));
        var result = new Interaction[count];
        for (var i = 0; i < count; i++)
        {
            var at = Start.Plus(Duration.FromSeconds(i));
            result[i] = new Interaction
            {
                Id = new InteractionId(new Guid(i + 1, 0, 0, [0x70, 0, 0x80, 0, 0, 0, 0, 2])),
                Channel = i % 3 == 0 ? Channel.Phone : Channel.Email,
                Direction = InteractionDirection.Inbound,
                Kind = i % 3 == 0 ? InteractionKind.Call : InteractionKind.Message,
                OccurredAt = at,
                RecordedAt = at,
                CustomerId = Customer(i % customers),
                ExternalId = i % 2 == 0 ? $"m{i}@mail.example.com" : null,
                Subject = "Where is my order?",
                Participants = [sender],
            };
        }

        return result;
    }
}
