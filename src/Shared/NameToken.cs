using System.Diagnostics.CodeAnalysis;

namespace CustomerCare;

/// <summary>
/// Normalization and validation of the short names that extensible values use, such as channel names.
/// </summary>
/// <remarks>
/// A name is trimmed and lower-cased with the invariant culture. The result must be 1 to 64 characters long,
/// start with an ASCII letter and contain only ASCII letters, digits, '-', '_' and '.'. Names therefore compare
/// ordinally and survive every storage and JSON round trip unchanged.
/// </remarks>
internal static class NameToken
{
    public const int MaxLength = 64;

    public static bool TryNormalize(ReadOnlySpan<char> text, [NotNullWhen(true)] out string? name, [NotNullWhen(false)] out string? reason)
    {
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            name = null;
            reason = "it is empty";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            name = null;
            reason = $"it has {trimmed.Length} characters and the maximum is {MaxLength}";
            return false;
        }

        if (!char.IsAsciiLetter(trimmed[0]))
        {
            name = null;
            reason = $"it starts with '{trimmed[0]}' and must start with an ASCII letter";
            return false;
        }

        foreach (var c in trimmed)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_' && c != '.')
            {
                name = null;
                reason = $"it contains '{c}'; only ASCII letters, digits, '-', '_' and '.' are allowed";
                return false;
            }
        }

        name = IsLowerCase(trimmed) ? trimmed.ToString() : trimmed.ToString().ToLowerInvariant();
        reason = null;
        return true;
    }

    private static bool IsLowerCase(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
