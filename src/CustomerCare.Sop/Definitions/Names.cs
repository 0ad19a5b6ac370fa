namespace CustomerCare.Sop;

/// <summary>Normalization of the names in procedure definitions: states, triggers, fields, guards, steps and timers.</summary>
/// <remarks>
/// Names follow the rules of Core's short names: trimmed, lower-cased, 1 to 64 ASCII letters, digits, '-', '_' or '.',
/// starting with a letter. An invalid name is kept as written so that validation can report it.
/// </remarks>
internal static class Names
{
    public static string Normalize(string raw) => NameToken.TryNormalize(raw, out var name, out _) ? name : raw;

    public static bool IsValid(string? name, out string? reason)
    {
        if (name is null)
        {
            reason = "it is missing";
            return false;
        }

        if (!NameToken.TryNormalize(name, out var normalized, out reason))
        {
            return false;
        }

        if (!string.Equals(normalized, name, StringComparison.Ordinal))
        {
            reason = $"it is not in normal form '{normalized}'";
            return false;
        }

        return true;
    }
}
