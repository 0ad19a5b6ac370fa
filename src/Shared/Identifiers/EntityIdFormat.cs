using System.Globalization;

namespace CustomerCare;

/// <summary>Formatting and parsing shared by every <see cref="IEntityId{TSelf}"/>.</summary>
internal static class EntityIdFormat
{
    private const int HexLength = 32;

    /// <summary>Gets the length of a formatted identifier with a three-letter prefix.</summary>
    public const int FormattedLength = 3 + 1 + HexLength;

    public static Guid RequireNotEmpty(Guid value, string typeName)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException(
                $"A {typeName} cannot wrap Guid.Empty. Create one with {typeName}.New(instant) or parse a stored value.",
                nameof(value));
        }

        return value;
    }

    public static string Format<TId>(TId id)
        where TId : struct, IEntityId<TId>
    {
        return string.Create(FormattedLength, id.Value, static (span, value) =>
        {
            TId.Prefix.AsSpan().CopyTo(span);
            span[3] = '_';
            value.TryFormat(span[4..], out _, "N");
        });
    }

    public static bool TryFormat<TId>(TId id, Span<char> destination, out int charsWritten)
        where TId : struct, IEntityId<TId>
    {
        if (destination.Length < FormattedLength)
        {
            charsWritten = 0;
            return false;
        }

        TId.Prefix.AsSpan().CopyTo(destination);
        destination[3] = '_';
        id.Value.TryFormat(destination[4..], out _, "N");
        charsWritten = FormattedLength;
        return true;
    }

    public static bool TryParse<TId>(ReadOnlySpan<char> text, out TId result)
        where TId : struct, IEntityId<TId>
    {
        result = default;
        if (text.Length != FormattedLength || !text.StartsWith(TId.Prefix, StringComparison.Ordinal) || text[3] != '_')
        {
            return false;
        }

        var hex = text[4..];
        foreach (var c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        if (!Guid.TryParseExact(hex, "N", out var value) || value == Guid.Empty)
        {
            return false;
        }

        result = TId.FromValidGuid(value);
        return true;
    }

    public static TId Parse<TId>(ReadOnlySpan<char> text, string typeName)
        where TId : struct, IEntityId<TId>
    {
        if (TryParse<TId>(text, out var result))
        {
            return result;
        }

        throw new FormatException(string.Create(
            CultureInfo.InvariantCulture,
            $"'{text}' is not a valid {typeName}. Expected '{TId.Prefix}_' followed by 32 hexadecimal digits that are not all zero."));
    }
}
