using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Privacy;
using NodaTime;

namespace CustomerCare.Storage.Interactions;

/// <summary>
/// Converts instants to the whole microseconds that both databases store, and truncates the instants of the
/// interaction types, so a store returns exactly what a later read returns.
/// </summary>
internal static class Microseconds
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>Returns the microseconds since the Unix epoch, rounded towards the past.</summary>
    public static long Floor(Instant instant)
    {
        // ToUnixTimeTicks already rounds towards the past; the division must as well, also before 1970.
        var ticks = instant.ToUnixTimeTicks();
        return ticks >= 0 ? ticks / TicksPerMicrosecond : -((-ticks + TicksPerMicrosecond - 1) / TicksPerMicrosecond);
    }

    /// <summary>Returns the microseconds since the Unix epoch, rounded towards the future.</summary>
    /// <remarks>
    /// A range bound uses it: for a whole-microsecond value x, <c>x &gt;= from</c> is true exactly when
    /// <c>x &gt;= Ceiling(from)</c>, and <c>x &lt; to</c> exactly when <c>x &lt; Ceiling(to)</c>.
    /// </remarks>
    public static long Ceiling(Instant instant)
    {
        var floor = Floor(instant);
        return ToInstant(floor) == instant ? floor : floor + 1;
    }

    public static Instant ToInstant(long microseconds) => Instant.FromUnixTimeTicks(microseconds * TicksPerMicrosecond);

    public static Instant Truncate(Instant instant) => ToInstant(Floor(instant));

    public static Instant? Truncate(Instant? instant) => instant is { } value ? Truncate(value) : null;

    public static Interaction Truncate(Interaction interaction) => interaction with
    {
        OccurredAt = Truncate(interaction.OccurredAt),
        RecordedAt = Truncate(interaction.RecordedAt),
    };

    public static Customer Truncate(Customer customer) => customer with
    {
        CreatedAt = Truncate(customer.CreatedAt),
        ErasedAt = Truncate(customer.ErasedAt),
    };

    public static Concern Truncate(Concern concern) => concern with
    {
        OpenedAt = Truncate(concern.OpenedAt),
        LastActivityAt = Truncate(concern.LastActivityAt),
        ResolvedAt = Truncate(concern.ResolvedAt),
        ClosedAt = Truncate(concern.ClosedAt),
        ReopenedAt = Truncate(concern.ReopenedAt),
        Links = [.. concern.Links.Select(link => link with { At = Truncate(link.At) })],
    };

    public static CustomerMerge Truncate(CustomerMerge merge) => merge with
    {
        MergedAt = Truncate(merge.MergedAt),
        UndoneAt = Truncate(merge.UndoneAt),
        MergedSnapshot = Truncate(merge.MergedSnapshot),
    };

    public static ConsentEntry Truncate(ConsentEntry entry) =>
        new(entry.CustomerId, entry.Purpose, entry.Channel, entry.Status, Truncate(entry.At), entry.Source, entry.TextVersion);
}
