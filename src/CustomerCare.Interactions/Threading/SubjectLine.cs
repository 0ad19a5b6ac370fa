using System.Text;

namespace CustomerCare.Interactions.Threading;

/// <summary>
/// Compares subject lines the way people read them: without reply and forward prefixes, concern tags, reference
/// tokens, case and extra white space.
/// </summary>
internal static class SubjectLine
{
    // Reply and forward prefixes of common mail clients in English, German, the Nordic and Romance languages.
    private static readonly string[] Prefixes = ["re", "aw", "antw", "sv", "vs", "fw", "fwd", "wg", "tr", "rv", "enc", "r"];

    /// <summary>Returns whether the subject starts with a reply or forward prefix such as <c>Re:</c>, <c>AW:</c> or <c>Fwd[2]:</c>.</summary>
    public static bool HasReplyPrefix(string? subject) => subject is not null && TryStripPrefix(subject.AsSpan().TrimStart(), out _);

    /// <summary>Returns the subject without prefixes, bracketed tags, case and repeated white space; empty for none.</summary>
    public static string Normalize(string? subject)
    {
        if (subject is null)
        {
            return string.Empty;
        }

        var text = subject.AsSpan().Trim();
        while (true)
        {
            if (TryStripPrefix(text, out var rest))
            {
                text = rest.TrimStart();
                continue;
            }

            if (text.StartsWith('[') && text.IndexOf(']') is var close and > 0)
            {
                text = text[(close + 1)..].TrimStart();
                continue;
            }

            break;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        var inTag = false;
        foreach (var c in text)
        {
            // Tags such as [CC#10042] or [ref:...] anywhere in the subject do not change its topic.
            if (c == '[')
            {
                inTag = true;
                continue;
            }

            if (inTag)
            {
                inTag = c != ']';
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static bool TryStripPrefix(ReadOnlySpan<char> text, out ReadOnlySpan<char> rest)
    {
        foreach (var prefix in Prefixes)
        {
            if (text.Length <= prefix.Length || !text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var after = text[prefix.Length..];

            // A counter as in "Re[2]:" or "Re(2):".
            if (after.Length > 0 && after[0] is '[' or '(')
            {
                var close = after.IndexOfAny(']', ')');
                if (close > 0 && int.TryParse(after[1..close], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    after = after[(close + 1)..];
                }
            }

            after = after.TrimStart(' ');
            if (after.Length > 0 && after[0] is ':' or '：')
            {
                rest = after[1..];
                return true;
            }
        }

        rest = text;
        return false;
    }
}
