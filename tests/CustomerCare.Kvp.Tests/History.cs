using System.Buffers.Binary;
using CustomerCare.Core;
using CustomerCare.Kvp.History;
using NodaTime;

namespace CustomerCare.Kvp.Tests;

/// <summary>Builds records for tests with readable defaults: Monday 2 March 2026, 09:00 UTC, email, first level.</summary>
internal sealed class History
{
    public static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 9, 0);

    private long _next;

    public ConcernId NewConcern() => new(Value());

    public CustomerId NewCustomer() => new(Value());

    public static Instant At(double hours) => Monday.Plus(Duration.FromSeconds(hours * 3600));

    public static ConcernEvent Opened(ConcernId concern, double hours, CustomerId customer = default, string reason = "billing/refund", Channel? channel = null) =>
        ConcernEvent.Opened(concern, At(hours), customer, channel ?? Channel.Email, ContactReason.Parse(reason));

    public static InteractionRecord CustomerMessage(ConcernId concern, double hours, CustomerId customer = default, Channel? channel = null) =>
        new(concern, customer, At(hours), channel ?? Channel.Email, InteractionDirection.Inbound, AuthorType.Customer);

    public static InteractionRecord Reply(ConcernId concern, double hours, AuthorType author = AuthorType.Person, bool isPublic = true) =>
        new(concern, default, At(hours), Channel.Email, InteractionDirection.Outbound, author) { IsPublic = isPublic };

    private Guid Value()
    {
        _next++;
        Span<byte> bytes = stackalloc byte[16];
        bytes[6] = 0x70;
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], unchecked((long)0x8000_0000_0000_0000UL) | _next);
        return new Guid(bytes, bigEndian: true);
    }
}
