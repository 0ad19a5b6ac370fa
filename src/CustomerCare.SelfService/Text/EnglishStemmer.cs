namespace CustomerCare.SelfService;

/// <summary>
/// A light English stemmer: it strips plural and verb endings so that "cards", "charged" and "charging" meet
/// "card" and "charge", and leaves everything else alone.
/// </summary>
/// <remarks>
/// The rules are deliberately fewer than Porter's: over-stemming merges words that FAQ matching must keep apart
/// ("card" and "cardinal"), while missing a rare suffix only costs a little recall. Words of three letters or fewer
/// and words with digits are never changed. Every rule works in place on lower-case ASCII letters; other words pass
/// through unchanged.
/// </remarks>
internal static class EnglishStemmer
{
    /// <summary>Stems <paramref name="word"/> in place and returns the new length.</summary>
    public static int Stem(Span<char> word)
    {
        var length = word.Length;
        if (length <= 3 || !IsAsciiLowerWord(word))
        {
            return length;
        }

        length = StripPlural(word, length);
        length = StripVerbEnding(word, length);
        length = StripAdverbEnding(word, length);

        // A final silent 'e' goes, so "charge", "charged" and "charging" all become "charg".
        // "free" and "agree" keep theirs because the 'e' before it would otherwise end the stem.
        if (length >= 4 && word[length - 1] == 'e' && word[length - 2] != 'e')
        {
            length--;
        }

        return length;
    }

    private static int StripPlural(Span<char> word, int length)
    {
        var w = word[..length];
        if (w.EndsWith("ies") && length >= 5)
        {
            word[length - 3] = 'y';
            return length - 2;
        }

        if (w.EndsWith("sses"))
        {
            return length - 2;
        }

        // "status", "analysis" and "address" are not plurals.
        if (w[^1] == 's' && length >= 4 && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is"))
        {
            return length - 1;
        }

        return length;
    }

    private static int StripVerbEnding(Span<char> word, int length)
    {
        var w = word[..length];
        if (w.EndsWith("ied") && length >= 5)
        {
            word[length - 3] = 'y';
            return length - 2;
        }

        int stemLength;
        if (w.EndsWith("ed") && length >= 5)
        {
            stemLength = length - 2;
        }
        else if (w.EndsWith("ing") && length >= 6)
        {
            stemLength = length - 3;
        }
        else
        {
            return length;
        }

        // "string" keeps its ending: without a vowel, "str" is no stem.
        if (!ContainsVowel(word[..stemLength]))
        {
            return length;
        }

        // "transferred" → "transferr" → "transfer"; "topping" → "top". Doubled l, s and z are mostly part of the
        // word ("filled", "passed"), except the British "-elled" of longer verbs ("cancelled", "travelled").
        var last = word[stemLength - 1];
        if (stemLength >= 3 && last == word[stemLength - 2] && !IsVowel(last))
        {
            var doubledIsSuffix = last is not ('l' or 's' or 'z') || (last == 'l' && stemLength >= 6 && word[stemLength - 3] == 'e');
            if (doubledIsSuffix)
            {
                stemLength--;
            }
        }

        return stemLength;
    }

    private static int StripAdverbEnding(Span<char> word, int length)
    {
        var w = word[..length];

        // "apply" and "supply" end in "ly" without being adverbs.
        return w.EndsWith("ly") && length >= 6 && !w.EndsWith("ply") && ContainsVowel(w[..^2]) ? length - 2 : length;
    }

    private static bool IsAsciiLowerWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsVowel(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsVowel(c) || c == 'y')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
