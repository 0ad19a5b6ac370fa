using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>
/// Stores instants as INTEGER microseconds since the Unix epoch: exact, ordered, and the same precision as
/// PostgreSQL's <c>timestamptz</c>. Sub-microsecond parts are truncated towards the past.
/// </summary>
internal static class SqliteInstant
{
    private const long TicksPerMicrosecond = 10;

    public static long ToMicroseconds(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        return ticks >= 0 ? ticks / TicksPerMicrosecond : -((-ticks + TicksPerMicrosecond - 1) / TicksPerMicrosecond);
    }

    public static Instant FromMicroseconds(long microseconds) => Instant.FromUnixTimeTicks(microseconds * TicksPerMicrosecond);
}
