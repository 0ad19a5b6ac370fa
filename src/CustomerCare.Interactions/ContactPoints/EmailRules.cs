using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Mail;

namespace CustomerCare.Interactions.ContactPoints;

/// <summary>
/// Normalizes email addresses: trim, reject anything but a bare address, convert the domain to ASCII, lower-case the
/// whole address.
/// </summary>
/// <remarks>
/// RFC 5321 allows a case-sensitive local part, but no widely used mailbox provider treats it so, and helpdesks match
/// addresses case-insensitively; a case-sensitive match would split one customer into two. Dots and <c>+tag</c> are
/// kept because most providers deliver <c>a.b@</c> and <c>ab@</c> to different people; only the opt-in Gmail rule
/// folds them, and only into <see cref="ContactPoint.LooseValue"/>.
/// </remarks>
internal static class EmailRules
{
    // RFC 5321 section 4.5.3.1: 64 octets for the local part; a path of 256 octets leaves 254 for the address.
    private const int MaxLocalPartLength = 64;
    private const int MaxAddressLength = 254;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    public static bool TryNormalize(string raw, bool foldProviderAliases, out ContactPoint point, [NotNullWhen(false)] out string? reason)
    {
        point = default;
        var trimmed = raw.Trim();
        if (trimmed.Length == 0)
        {
            reason = "it is empty";
            return false;
        }

        if (trimmed.Length > MaxAddressLength)
        {
            reason = $"it has {trimmed.Length} characters and the maximum is {MaxAddressLength}";
            return false;
        }

        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>')
            {
                reason = "it contains white space, a control character or angle brackets; pass only the address, without a display name";
                return false;
            }
        }

        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            reason = "it is not of the form local-part@domain";
            return false;
        }

        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.DisplayName.Length != 0
            || !string.Equals(parsed.Address, trimmed, StringComparison.Ordinal))
        {
            reason = "it is not a valid address of the form local-part@domain";
            return false;
        }

        var local = trimmed[..at];
        if (local.Length > MaxLocalPartLength)
        {
            reason = $"its local part has {local.Length} characters and the maximum is {MaxLocalPartLength}";
            return false;
        }

        if (!TryNormalizeDomain(trimmed[(at + 1)..], out var domain))
        {
            reason = $"its domain '{trimmed[(at + 1)..]}' is not a valid host name";
            return false;
        }

        var lowerLocal = local.ToLowerInvariant();
        var value = string.Concat(lowerLocal, "@", domain);
        var loose = foldProviderAliases ? FoldGmail(lowerLocal, domain) : null;
        point = new ContactPoint(ContactPointKind.Email, null, value, trimmed, loose);
        reason = null;
        return true;
    }

    private static bool TryNormalizeDomain(string domain, [NotNullWhen(true)] out string? normalized)
    {
        // A domain literal such as [192.0.2.1] has no labels to convert.
        if (domain.StartsWith('['))
        {
            normalized = domain.ToLowerInvariant();
            return domain.EndsWith(']');
        }

        try
        {
            normalized = Idn.GetAscii(domain).ToLowerInvariant();
            return true;
        }
        catch (ArgumentException)
        {
            normalized = null;
            return false;
        }
    }

    private static string? FoldGmail(string lowerLocal, string domain)
    {
        if (domain is not ("gmail.com" or "googlemail.com"))
        {
            return null;
        }

        var plus = lowerLocal.IndexOf('+', StringComparison.Ordinal);
        var mailbox = (plus < 0 ? lowerLocal : lowerLocal[..plus]).Replace(".", string.Empty, StringComparison.Ordinal);
        return mailbox + "@gmail.com";
    }
}
