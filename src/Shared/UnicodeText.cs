namespace CustomerCare;

/// <summary>
/// Checks that text is well-formed UTF-16, which every database can store: PostgreSQL and SQLite keep text as UTF-8,
/// and an unpaired surrogate has no UTF-8 form, so a store would have to reject it or replace it with U+FFFD.
/// </summary>
/// <remarks>This file is compiled into every CustomerCare package, so each package has its own internal copy.</remarks>
internal static class UnicodeText
{
    /// <summary>Returns the index of the first unpaired surrogate in <paramref name="text"/>, or -1 when there is none.</summary>
    public static int IndexOfUnpairedSurrogate(ReadOnlySpan<char> text)
    {
        var first = text.IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return -1;
        }

        for (var i = first; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="text"/> contains an unpaired surrogate.</summary>
    /// <param name="text">The text to check; null passes.</param>
    /// <param name="description">What the text is, such as <c>The answer of article art_…</c>; starts the message.</param>
    /// <param name="paramName">The parameter that carries the text.</param>
    public static void RequireWellFormed(string? text, string description, string paramName)
    {
        var index = IndexOfUnpairedSurrogate(text);
        if (index >= 0)
        {
            throw new ArgumentException(
                $"{description} contains an unpaired surrogate U+{(int)text![index]:X4} at index {index}, which no database can store. " +
                "Remove the character or complete the surrogate pair.",
                paramName);
        }
    }
}
