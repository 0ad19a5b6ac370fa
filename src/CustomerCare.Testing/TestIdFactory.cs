using System.Buffers.Binary;
using CustomerCare.Core;

namespace CustomerCare.Testing;

/// <summary>
/// Creates identifiers that are the same in every test run, such as <c>cus_00000000000070008000000000000001</c>,
/// so test output and snapshots stay stable.
/// </summary>
/// <remarks>
/// Each kind has its own counter that starts at 1, and identifiers sort in creation order. The values have the
/// layout of UUID version 7 with a zero timestamp. This type is thread-safe.
/// </remarks>
public sealed class TestIdFactory
{
    private long _customer;
    private long _interaction;
    private long _concern;
    private long _agent;

    /// <summary>Returns the next customer identifier.</summary>
    /// <returns>A new identifier.</returns>
    public CustomerId NextCustomerId() => new(Next(ref _customer));

    /// <summary>Returns the next interaction identifier.</summary>
    /// <returns>A new identifier.</returns>
    public InteractionId NextInteractionId() => new(Next(ref _interaction));

    /// <summary>Returns the next concern identifier.</summary>
    /// <returns>A new identifier.</returns>
    public ConcernId NextConcernId() => new(Next(ref _concern));

    /// <summary>Returns the next agent identifier.</summary>
    /// <returns>A new identifier.</returns>
    public AgentId NextAgentId() => new(Next(ref _agent));

    /// <summary>Returns the value with sequence number <paramref name="sequence"/>, as <see cref="TestIdFactory"/> creates it.</summary>
    /// <param name="sequence">The sequence number, 1 or greater.</param>
    /// <returns>A UUID version 7 layout with a zero timestamp and the sequence number in its last bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sequence"/> is less than 1.</exception>
    public static Guid ValueFor(long sequence)
    {
        if (sequence < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, "Sequence numbers start at 1.");
        }

        Span<byte> bytes = stackalloc byte[16];
        bytes[6] = 0x70; // version 7
        bytes[8] = 0x80; // RFC 9562 variant
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], BinaryPrimitives.ReadInt64BigEndian(bytes[8..]) | sequence);
        return new Guid(bytes, bigEndian: true);
    }

    private static Guid Next(ref long counter) => ValueFor(Interlocked.Increment(ref counter));
}
