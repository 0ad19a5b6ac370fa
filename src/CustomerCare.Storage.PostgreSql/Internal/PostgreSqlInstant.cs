using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// Converts instants to and from the UTC <see cref="DateTime"/> values that Npgsql maps to <c>timestamptz</c>,
/// truncated to the microsecond precision that PostgreSQL stores, so the storage works on any data source,
/// with or without Npgsql's NodaTime plugin.
/// </summary>
internal static class PostgreSqlInstant
{
    private const long TicksPerMicrosecond = 10;

    public static DateTime ToDateTime(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var remainder = ticks % TicksPerMicrosecond;
        var truncated = ticks - (remainder < 0 ? remainder + TicksPerMicrosecond : remainder);
        return DateTime.UnixEpoch.AddTicks(truncated);
    }

    public static Instant FromDateTime(DateTime value) =>
        Instant.FromUnixTimeTicks(DateTime.SpecifyKind(value, DateTimeKind.Utc).Ticks - DateTime.UnixEpoch.Ticks);
}
