using System.Security.Cryptography;
using CustomerCare.Core;

namespace CustomerCare.Interactions.Threading;

/// <summary>
/// Creates and verifies the signed reference tokens that CustomerCare puts into outgoing messages, so that a reply
/// finds its concern even when the mail client drops the headers.
/// </summary>
/// <remarks>
/// <para>
/// A token is the concern id (16 bytes) and the first 10 bytes of HMAC-SHA256 over a fixed label and the id, keyed
/// with the host's secret, written as 42 lower-case base32 characters (RFC 4648 alphabet). Case does not matter, so a
/// token survives the lower-casing of email addresses. Without the key nobody can make a valid token, so an id from a
/// foreign system or a guessed id can never attach a message to a concern; 80 bits of MAC make a random hit
/// practically impossible.
/// </para>
/// <para>Place a token as <c>[ref:TOKEN]</c> in a subject, <c>ref:TOKEN</c> in a body, or as <c>+TOKEN</c> after the
/// local part of the reply address, such as <c>support+TOKEN@example.com</c>.</para>
/// <para>This type is thread-safe. Dispose it when the host stops; it keeps one keyed HMAC per thread that used it.</para>
/// </remarks>
public sealed class ReferenceTokenSigner : IDisposable
{
    /// <summary>The minimum key length in bytes.</summary>
    public const int MinimumKeyLength = 32;

    /// <summary>The length of a token in characters.</summary>
    public const int TokenLength = 42;

    private const int MacLength = 10;
    private const int PayloadLength = 16 + MacLength;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private static readonly byte[] Label = "customercare-reference-v1"u8.ToArray();

    private readonly byte[] _key;

    // One keyed HMAC per thread: creating one per verification costs more than the hash itself.
    private readonly ThreadLocal<HMACSHA256> _hmac;

    /// <summary>Initializes a signer with the host's secret key.</summary>
    /// <param name="key">At least <see cref="MinimumKeyLength"/> random bytes, kept secret and the same on every host instance.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> is shorter than <see cref="MinimumKeyLength"/> bytes.</exception>
    public ReferenceTokenSigner(byte[] key)
    {
        Guard.NotNull(key);
        if (key.Length < MinimumKeyLength)
        {
            throw new ArgumentException($"The key has {key.Length} bytes and must have at least {MinimumKeyLength}. Generate it with RandomNumberGenerator.GetBytes({MinimumKeyLength}).", nameof(key));
        }

        _key = [.. key];
        _hmac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(_key), trackAllValues: true);
    }

    /// <summary>Creates the token for <paramref name="concernId"/>.</summary>
    /// <param name="concernId">The concern.</param>
    /// <returns>A 42-character lower-case token.</returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> is default.</exception>
    public string CreateToken(ConcernId concernId)
    {
        Guard.NotDefault(concernId);
        Span<byte> payload = stackalloc byte[PayloadLength];
        concernId.Value.TryWriteBytes(payload, bigEndian: true, out _);
        ComputeMac(payload[..16], payload[16..]);
        return string.Create(TokenLength, payload.ToArray(), static (chars, bytes) => Encode(bytes, chars));
    }

    /// <summary>Releases the keyed HMAC of every thread that used this signer.</summary>
    public void Dispose()
    {
        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }

        _hmac.Dispose();
    }

    /// <summary>Returns <c>[ref:TOKEN]</c> for a subject line.</summary>
    /// <param name="concernId">The concern.</param>
    /// <returns>The subject tag.</returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> is default.</exception>
    public string CreateSubjectTag(ConcernId concernId) => $"[ref:{CreateToken(concernId)}]";

    /// <summary>Verifies a token and returns its concern.</summary>
    /// <param name="token">The 42 characters of a token, in any case.</param>
    /// <param name="concernId">The concern, or <c>default</c> when the token is not valid.</param>
    /// <returns><see langword="true"/> when the token was made with this key.</returns>
    public bool TryVerify(ReadOnlySpan<char> token, out ConcernId concernId)
    {
        concernId = default;
        Span<byte> payload = stackalloc byte[PayloadLength];
        if (token.Length != TokenLength || !TryDecode(token, payload))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        ComputeMac(payload[..16], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, payload[16..]))
        {
            return false;
        }

        var value = new Guid(payload[..16], bigEndian: true);
        if (value == Guid.Empty)
        {
            return false;
        }

        concernId = new ConcernId(value);
        return true;
    }

    /// <summary>Finds the first valid token in <paramref name="text"/> after a <paramref name="marker"/>, such as <c>ref:</c> or <c>+</c>.</summary>
    /// <param name="text">The text to search.</param>
    /// <param name="marker">The text right before a token.</param>
    /// <param name="concernId">The concern of the first valid token.</param>
    /// <param name="sawInvalid"><see langword="true"/> when a token-shaped text failed verification.</param>
    /// <returns><see langword="true"/> when a valid token was found.</returns>
    internal bool TryFind(ReadOnlySpan<char> text, string marker, out ConcernId concernId, out bool sawInvalid)
    {
        sawInvalid = false;
        var offset = 0;
        while (offset < text.Length)
        {
            var index = text[offset..].IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                break;
            }

            var start = offset + index + marker.Length;
            if (start + TokenLength <= text.Length)
            {
                var candidate = text.Slice(start, TokenLength);
                if (TryVerify(candidate, out concernId))
                {
                    return true;
                }

                sawInvalid |= IsBase32(candidate);
            }

            offset = start;
        }

        concernId = default;
        return false;
    }

    private void ComputeMac(ReadOnlySpan<byte> id, Span<byte> destination)
    {
        Span<byte> data = stackalloc byte[32 + 16];
        Label.CopyTo(data);
        id.CopyTo(data[Label.Length..]);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        _hmac.Value!.TryComputeHash(data[..(Label.Length + 16)], hash, out _);
        hash[..MacLength].CopyTo(destination);
    }

    private static void Encode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        var buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                chars[written++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            chars[written] = Alphabet[(buffer << (5 - bits)) & 31];
        }
    }

    private static bool TryDecode(ReadOnlySpan<char> chars, Span<byte> bytes)
    {
        var buffer = 0;
        var bits = 0;
        var written = 0;
        foreach (var c in chars)
        {
            var value = DecodeChar(c);
            if (value < 0)
            {
                return false;
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                if (written == bytes.Length)
                {
                    return false;
                }

                bytes[written++] = (byte)(buffer >> (bits - 8));
                bits -= 8;
            }
        }

        return written == bytes.Length;
    }

    private static int DecodeChar(char c) => c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= 'A' and <= 'Z' => c - 'A',
        >= '2' and <= '7' => c - '2' + 26,
        _ => -1,
    };

    private static bool IsBase32(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (DecodeChar(c) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
