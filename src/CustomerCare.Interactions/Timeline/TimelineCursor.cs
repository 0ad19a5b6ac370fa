using System.Buffers.Binary;
using System.Buffers.Text;
using NodaTime;

namespace CustomerCare.Interactions.Timeline;

/// <summary>
/// The position a timeline page ended at, and the order it was read in, encoded as an opaque continuation token.
/// </summary>
/// <remarks>
/// <para>
/// The token carries the <see cref="TimelineKey"/> of the last interaction on the page, so the next page starts
/// strictly after it (keyset paging). An interaction recorded meanwhile therefore appears in its place in the order,
/// never twice; one recorded before the position is not on later pages. Every store implementation uses this type, so
/// a token from one store reads the same in another.
/// </para>
/// <para>Layout, base64url without padding: version byte 1, order byte, then occurred-at and recorded-at as days since
/// the Unix epoch (int32) and nanosecond of the day (int64), then the sequence (int64), all big-endian.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct TimelineCursor
{
    private const byte FormatVersion = 1;
    private const int ByteLength = 2 + 12 + 12 + 8;

    /// <summary>Initializes a cursor.</summary>
    /// <param name="after">The position of the last interaction on the page.</param>
    /// <param name="order">The order the page was read in.</param>
    public TimelineCursor(TimelineKey after, TimelineOrder order)
    {
        After = after;
        Order = order;
    }

    /// <summary>Gets the position of the last interaction on the page.</summary>
    public TimelineKey After { get; }

    /// <summary>Gets the order the page was read in.</summary>
    public TimelineOrder Order { get; }

    /// <summary>Encodes the cursor as a continuation token.</summary>
    /// <returns>An opaque, URL-safe string.</returns>
    public string ToToken()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        bytes[0] = FormatVersion;
        bytes[1] = (byte)Order;
        WriteInstant(bytes[2..], After.OccurredAt);
        WriteInstant(bytes[14..], After.RecordedAt);
        BinaryPrimitives.WriteInt64BigEndian(bytes[26..], After.Sequence);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>Decodes a continuation token.</summary>
    /// <param name="token">A token from <see cref="ToToken"/>.</param>
    /// <returns>The cursor.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="token"/> is not a continuation token of this format.</exception>
    public static TimelineCursor Parse(string token)
    {
        Guard.NotNull(token);
        Span<byte> bytes = stackalloc byte[ByteLength + 3];
        if (token.Length > 64 || !TryDecode(token, bytes, out var written) || written != ByteLength
            || bytes[0] != FormatVersion || bytes[1] > (byte)TimelineOrder.OldestFirst)
        {
            throw new ArgumentException(
                $"'{token}' is not a timeline continuation token. Pass the token of the previous page unchanged, or null for the first page.",
                nameof(token));
        }

        if (!TryReadInstant(bytes[2..], out var occurredAt) || !TryReadInstant(bytes[14..], out var recordedAt))
        {
            throw new ArgumentException(
                $"The continuation token '{token}' is damaged. Pass the token of the previous page unchanged, or null for the first page.",
                nameof(token));
        }

        var key = new TimelineKey(occurredAt, recordedAt, BinaryPrimitives.ReadInt64BigEndian(bytes[26..]));
        return new TimelineCursor(key, (TimelineOrder)bytes[1]);
    }

    private static bool TryDecode(string token, Span<byte> bytes, out int written)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(token, bytes, out written);
        }
        catch (FormatException)
        {
            // Base64Url reports some malformed inputs, such as a length no encoder produces, by throwing.
            written = 0;
            return false;
        }
    }

    private static void WriteInstant(Span<byte> destination, Instant instant)
    {
        var sinceEpoch = instant - NodaConstants.UnixEpoch;
        BinaryPrimitives.WriteInt32BigEndian(destination, sinceEpoch.Days);
        BinaryPrimitives.WriteInt64BigEndian(destination[4..], sinceEpoch.NanosecondOfDay);
    }

    private static bool TryReadInstant(ReadOnlySpan<byte> source, out Instant instant)
    {
        var days = BinaryPrimitives.ReadInt32BigEndian(source);
        var nanos = BinaryPrimitives.ReadInt64BigEndian(source[4..]);
        var sinceEpoch = Duration.FromDays(days) + Duration.FromNanoseconds(nanos);
        if (nanos is < 0 or >= NodaConstants.NanosecondsPerDay || sinceEpoch < Instant.MinValue - NodaConstants.UnixEpoch || sinceEpoch > Instant.MaxValue - NodaConstants.UnixEpoch)
        {
            instant = default;
            return false;
        }

        instant = NodaConstants.UnixEpoch + sinceEpoch;
        return true;
    }
}
