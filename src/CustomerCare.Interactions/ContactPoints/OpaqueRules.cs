using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CustomerCare.Interactions.ContactPoints;

/// <summary>Normalizes the contact points whose values are opaque to CustomerCare: accounts, handles, external ids and postal addresses.</summary>
internal static class OpaqueRules
{
    private const int MaxValueLength = 256;
    private const int MaxLineLength = 200;
    private const int MaxLines = 10;

    public static bool TryNormalizeScoped(ContactPointKind kind, string scope, string raw, out ContactPoint point, [NotNullWhen(false)] out string? reason)
    {
        point = default;
        if (!NameToken.TryNormalize(scope, out var normalizedScope, out var scopeReason))
        {
            reason = $"its scope '{scope}' is not a valid name because {scopeReason}";
            return false;
        }

        var trimmed = raw.Trim();
        if (kind == ContactPointKind.ChatHandle && trimmed.StartsWith('@'))
        {
            trimmed = trimmed[1..];
        }

        if (trimmed.Length == 0)
        {
            reason = "it is empty";
            return false;
        }

        if (trimmed.Length > MaxValueLength)
        {
            reason = $"it has {trimmed.Length} characters and the maximum is {MaxValueLength}";
            return false;
        }

        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                reason = "it contains white space or a control character";
                return false;
            }
        }

        var value = kind == ContactPointKind.ChatHandle ? trimmed.ToLowerInvariant() : trimmed;
        point = new ContactPoint(kind, normalizedScope, value, raw.Trim(), null);
        reason = null;
        return true;
    }

    public static bool TryNormalizePostal(string raw, string countryCode, out ContactPoint point, [NotNullWhen(false)] out string? reason)
    {
        point = default;
        var country = countryCode.Trim();
        if (country.Length != 2 || !char.IsAsciiLetter(country[0]) || !char.IsAsciiLetter(country[1]))
        {
            reason = $"the country code '{countryCode}' is not two ASCII letters as in ISO 3166-1 alpha-2";
            return false;
        }

        var lines = new List<string>();
        foreach (var part in raw.Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var line = CollapseWhiteSpace(part);
            if (line.Length > MaxLineLength)
            {
                reason = $"a line has {line.Length} characters and the maximum is {MaxLineLength}";
                return false;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        if (lines.Count == 0)
        {
            reason = "it has no non-empty line";
            return false;
        }

        if (lines.Count > MaxLines)
        {
            reason = $"it has {lines.Count} lines and the maximum is {MaxLines}";
            return false;
        }

        var upperCountry = country.ToUpperInvariant();
        var display = string.Join('\n', lines) + "\n" + upperCountry;
        var value = string.Join('\n', lines).ToLowerInvariant() + "\n" + upperCountry;
        point = new ContactPoint(ContactPointKind.PostalAddress, null, value, display, null);
        reason = null;
        return true;
    }

    private static string CollapseWhiteSpace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = true;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
