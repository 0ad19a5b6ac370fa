using CustomerCare.Core;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using CustomerCare.SlaTracking;
using NodaTime;

namespace CustomerCare.Storage.SlaTracking;

/// <summary>Converts the columns of the SLA clock tables to their values and back, the same way in both storages.</summary>
/// <remarks>
/// A value that no CustomerCare write produces means the row was changed outside CustomerCare; reading it fails with
/// <see cref="InvalidDataException"/> naming the concern and the column.
/// </remarks>
internal static class SlaClockRows
{
    public const string EntityType = "SlaClockRecord";

    private const long TicksPerMicrosecond = 10;

    /// <summary>Returns <paramref name="record"/> as a store returns it at <paramref name="version"/>: instants in whole microseconds.</summary>
    public static SlaClockRecord Stored(SlaClockRecord record, long version) => new(
        record.ConcernId,
        record.Priority,
        record.Tier,
        record.Entries.Select(e => e with { At = ToMicroseconds(e.At) }),
        version);

    /// <summary>Returns the stored text of a tier: its name, or the empty string for <c>default</c>.</summary>
    public static string TierText(ServiceTier tier) => tier == default ? string.Empty : tier.Name;

    public static ServiceTier ReadTier(string text, ConcernId concern) =>
        text.Length == 0 ? default
        : ServiceTier.TryParse(text, out var tier) ? tier
        : throw Unreadable(concern, "tier", text, "a service tier name");

    public static Priority ReadPriority(long level, ConcernId concern) =>
        level is >= 1 and <= Priority.MaxLevel
            ? new Priority((int)level)
            : throw Unreadable(concern, "priority", level.ToString(System.Globalization.CultureInfo.InvariantCulture), $"a priority level from 1 to {Priority.MaxLevel}");

    public static SlaTargetKind ReadTarget(string text, ConcernId concern) =>
        SlaTargetKind.TryParse(text, out var target) ? target : throw Unreadable(concern, "target", text, "an SLA target kind name");

    public static SlaEventKind ReadKind(long value, ConcernId concern) =>
        value is >= (long)SlaEventKind.Started and <= (long)SlaEventKind.TargetChanged
            ? (SlaEventKind)value
            : throw Unreadable(concern, "kind", value.ToString(System.Globalization.CultureInfo.InvariantCulture), "an SlaEventKind number from 1 to 6");

    private static Instant ToMicroseconds(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var remainder = ticks % TicksPerMicrosecond;
        return Instant.FromUnixTimeTicks(ticks - (remainder < 0 ? remainder + TicksPerMicrosecond : remainder));
    }

    private static InvalidDataException Unreadable(ConcernId concern, string column, string value, string expected) =>
        new($"Invalid value '{value}' in the column '{column}' of the SLA clock row of concern {concern}: expected {expected}. " +
            "The row was changed outside CustomerCare. Restore it from a backup or correct the column.");
}
