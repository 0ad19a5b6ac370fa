using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CustomerCare.Storage;

/// <summary>
/// The stored form of a vote's idempotency key: the SHA-256 of its UTF-16 code units in little-endian order. The hash
/// is exact for every string, unpaired surrogates included, and 32 bytes long however long the key is, so it fits any
/// unique index.
/// </summary>
internal static class FeedbackKey
{
    private const int StackLimit = 512;

    public static byte[] Hash(string key)
    {
        var bytes = key.Length <= StackLimit ? stackalloc byte[key.Length * 2] : new byte[key.Length * 2];
        for (var i = 0; i < key.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes[(2 * i)..], key[i]);
        }

        return SHA256.HashData(bytes);
    }
}
