using NodaTime;

namespace CustomerCare.Testing;

/// <summary>
/// The precision of stored instants. The in-memory stores truncate to whole microseconds, as PostgreSQL's
/// <c>timestamptz</c> does, so a test that passes on them passes on a real database too.
/// </summary>
public static class Precision
{
    private const long TicksPerMicrosecond = NodaConstants.TicksPerMillisecond / 1000;

    /// <summary>Returns <paramref name="instant"/> truncated to a whole microsecond, towards the past.</summary>
    /// <param name="instant">The instant to truncate.</param>
    /// <returns>The latest whole microsecond at or before <paramref name="instant"/>.</returns>
    public static Instant ToMicroseconds(Instant instant)
    {
        // ToUnixTimeTicks truncates towards the past, and so does the floored remainder below.
        var ticks = instant.ToUnixTimeTicks();
        return Instant.FromUnixTimeTicks(ticks - Mod(ticks, TicksPerMicrosecond));
    }

    private static long Mod(long value, long divisor)
    {
        var remainder = value % divisor;
        return remainder < 0 ? remainder + divisor : remainder;
    }
}
