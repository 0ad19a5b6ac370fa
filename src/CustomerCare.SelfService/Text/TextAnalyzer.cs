using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CustomerCare.SelfService;

/// <summary>
/// Turns text into the terms that the BM25 index stores and looks up: Unicode compatibility decomposition, case and
/// diacritic folding, splitting at every character that is not a letter or digit, stop-word removal and, optionally,
/// light English stemming.
/// </summary>
/// <remarks>
/// <para>
/// "Café", "CAFE" and "cafe" give the same term, and so do "ﬁnal" and "final" (NFKD splits the ligature). Apostrophes
/// join instead of split, so "don't" becomes "dont" and "customer's" becomes "customers" before stemming. Letters that
/// NFKD keeps whole are folded by hand: ß → ss, æ → ae, œ → oe, ø → o, ł → l, đ and ð → d, þ → th, dotless ı → i.
/// </para>
/// <para>
/// Tokens longer than <see cref="MaxTokenLength"/> characters, such as encoded blobs, are dropped. Text with lone
/// surrogates cannot be normalized and is folded without the decomposition step, so its accents stay.
/// </para>
/// <para>An instance is immutable and thread-safe; the caller supplies the per-thread <see cref="TokenBuffer"/>.</para>
/// </remarks>
internal sealed class TextAnalyzer
{
    public const int MaxTokenLength = 64;

    private readonly FrozenSet<string> _stopWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _stopWordLookup;
    private readonly bool _stem;

    private TextAnalyzer(FrozenSet<string> foldedStopWords, bool stem)
    {
        _stopWords = foldedStopWords;
        _stopWordLookup = _stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _stem = stem;
    }

    /// <summary>Creates an analyzer; the stop words are folded the same way as the text, so "Don't" matches "dont".</summary>
    public static TextAnalyzer Create(IEnumerable<string> stopWords, bool stem)
    {
        var folding = new TextAnalyzer(FrozenSet<string>.Empty, stem: false);
        var buffer = new TokenBuffer();
        var folded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in stopWords)
        {
            folding.Analyze(word, buffer);
            for (var i = 0; i < buffer.Count; i++)
            {
                folded.Add(buffer[i].ToString());
            }
        }

        return new TextAnalyzer(folded.ToFrozenSet(StringComparer.Ordinal), stem);
    }

    public void Analyze(ReadOnlySpan<char> text, TokenBuffer buffer)
    {
        buffer.Clear();
        var source = Decompose(text, buffer);

        var position = 0;
        while (position < source.Length)
        {
            var token = buffer.BeginToken(MaxTokenLength + 1);
            var length = 0;
            var tooLong = false;
            for (; position < source.Length; position++)
            {
                var c = source[position];
                if (char.IsLetterOrDigit(c))
                {
                    if (length >= MaxTokenLength)
                    {
                        tooLong = true;
                        continue;
                    }

                    length += Fold(c, token[length..]);
                }
                else if (!IsJoiner(c))
                {
                    break;
                }
            }

            // Step over the separator that ended the token.
            position++;
            if (length == 0 || tooLong || _stopWordLookup.Contains(token[..length]))
            {
                continue;
            }

            if (_stem)
            {
                length = EnglishStemmer.Stem(token[..length]);
            }

            buffer.CommitToken(length);
        }
    }

    private static ReadOnlySpan<char> Decompose(ReadOnlySpan<char> text, TokenBuffer buffer)
    {
        if (Ascii.IsValid(text))
        {
            return text;
        }

        try
        {
            var length = text.GetNormalizedLength(NormalizationForm.FormKD);
            var space = buffer.NormalizationSpace(length);
            return text.TryNormalize(space, out var written, NormalizationForm.FormKD) ? space[..written] : text;
        }
        catch (ArgumentException)
        {
            // Lone surrogates make the text invalid UTF-16, which normalization rejects.
            return text;
        }
    }

    /// <summary>Writes the folded form of <paramref name="c"/> and returns how many characters it took (1 or 2).</summary>
    private static int Fold(char c, Span<char> destination)
    {
        if (char.IsAscii(c))
        {
            destination[0] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            return 1;
        }

        var lower = char.ToLowerInvariant(c);
        switch (lower)
        {
            case 'ß':
                return Write(destination, 's', 's');
            case 'æ':
                return Write(destination, 'a', 'e');
            case 'œ':
                return Write(destination, 'o', 'e');
            case 'þ':
                return Write(destination, 't', 'h');
            case 'ø':
                destination[0] = 'o';
                return 1;
            case 'ł':
                destination[0] = 'l';
                return 1;
            case 'đ' or 'ð':
                destination[0] = 'd';
                return 1;
            case 'ı':
                destination[0] = 'i';
                return 1;
            default:
                destination[0] = lower;
                return 1;
        }
    }

    private static int Write(Span<char> destination, char first, char second)
    {
        destination[0] = first;
        destination[1] = second;
        return 2;
    }

    /// <summary>Apostrophes and combining marks neither end a token nor become part of it.</summary>
    private static bool IsJoiner(char c) =>
        c is '\'' or '\u2019' or '\u02BC'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
}
