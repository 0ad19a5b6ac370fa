using System.Buffers.Binary;
using System.Text;
using CustomerCare.Core;

namespace CustomerCare.Samples.Importers;

/// <summary>Derives stable identifiers from source keys, so two imports of one file give the same identifiers.</summary>
internal static class SourceIds
{
    public static ConcernId Concern(long number) => new(Value(1, number));

    public static CustomerId Customer(long number) => new(Value(2, number));

    /// <summary>Turns free text into a contact-reason segment: lower case, runs of other characters become one '-'.</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length == 0 || !char.IsAsciiLetter(result[0]))
        {
            result = "x-" + result;
        }

        return result.Length <= 64 ? result : result[..64].TrimEnd('-');
    }

    /// <summary>A UUID version 7 layout whose timestamp field holds the kind and whose random bits hold the number.</summary>
    private static Guid Value(byte kind, long number)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes[0] = kind;
        bytes[6] = 0x70;
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], unchecked((long)0x8000_0000_0000_0000UL) | number);
        return new Guid(bytes, bigEndian: true);
    }
}
