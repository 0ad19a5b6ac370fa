using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CustomerCare.CompetenceRouting.Serialization;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>
/// A language that a customer writes or speaks and an agent serves in, as a BCP 47 tag such as <c>de</c>,
/// <c>de-AT</c> or <c>zh-Hant</c>.
/// </summary>
/// <remarks>
/// <para>
/// A tag is 1 to 8 subtags separated by '-' ('_' is accepted and replaced), at most 35 characters. The first subtag is
/// 2 to 8 ASCII letters, the others 1 to 8 ASCII letters or digits. Tags are lower-cased, so <c>de-AT</c> and
/// <c>de-at</c> are the same language. JSON carries the normalized tag as a string.
/// </para>
/// <para>
/// Routing matches languages with <see cref="Covers(Language)"/>: a tag covers itself, the tags that extend it and the
/// tags it extends, so an agent who serves <c>de</c> takes <c>de-AT</c>, and an agent who serves <c>de-AT</c> takes
/// <c>de</c>, but <c>de-AT</c> does not cover <c>de-CH</c>.
/// </para>
/// <para><c>default(Language)</c> has an empty tag and is not a valid language. CustomerCare APIs reject it.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(LanguageJsonConverter))]
public readonly struct Language : IEquatable<Language>, IComparable<Language>, ISpanParsable<Language>
{
    /// <summary>The maximum length of a tag.</summary>
    public const int MaxLength = 35;

    private const int MaxSubtags = 8;

    private readonly string? _tag;

    private Language(string tag)
    {
        _tag = tag;
    }

    /// <summary>Gets the normalized tag, such as <c>de-at</c>, or an empty string for <c>default(Language)</c>.</summary>
    public string Tag => _tag ?? string.Empty;

    /// <summary>Gets the primary language subtag, such as <c>de</c> for <c>de-at</c>.</summary>
    public string PrimarySubtag
    {
        get
        {
            var dash = _tag?.IndexOf('-', StringComparison.Ordinal) ?? -1;
            return dash < 0 ? Tag : _tag![..dash];
        }
    }

    /// <summary>Returns whether an agent who serves this language can take a concern in <paramref name="requested"/>.</summary>
    /// <param name="requested">The language of the concern.</param>
    /// <returns>
    /// <see langword="true"/> when the tags are equal or one extends the other at a subtag boundary, such as <c>de</c>
    /// and <c>de-at</c>; <see langword="false"/> for <c>de-at</c> and <c>de-ch</c>, and when either is <c>default</c>.
    /// </returns>
    public bool Covers(Language requested)
    {
        if (_tag is null || requested._tag is null)
        {
            return false;
        }

        var (shorter, longer) = _tag.Length <= requested._tag.Length ? (_tag, requested._tag) : (requested._tag, _tag);
        return longer.StartsWith(shorter, StringComparison.Ordinal)
            && (longer.Length == shorter.Length || longer[shorter.Length] == '-');
    }

    /// <summary>Parses a language tag.</summary>
    /// <param name="tag">The tag, such as <c>de-AT</c>. Case, surrounding white space and '_' separators are normalized.</param>
    /// <returns>The language.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tag"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="tag"/> breaks the rules; the message says which rule.</exception>
    public static Language Parse(string tag) => Parse(Guard.NotNull(tag).AsSpan());

    /// <inheritdoc cref="Parse(string)"/>
    public static Language Parse(ReadOnlySpan<char> tag)
    {
        if (TryParse(tag, out var language, out var reason))
        {
            return language;
        }

        throw new FormatException($"'{tag}' is not a valid language tag because {reason}. Use a BCP 47 tag such as 'de' or 'de-AT'.");
    }

    /// <summary>Tries to parse a language tag.</summary>
    /// <param name="tag">The tag to parse.</param>
    /// <param name="language">The language, or <c>default</c> when the tag is invalid.</param>
    /// <returns><see langword="true"/> when <paramref name="tag"/> is a valid language tag.</returns>
    public static bool TryParse([NotNullWhen(true)] string? tag, out Language language) => TryParse(tag.AsSpan(), out language, out _);

    /// <inheritdoc cref="TryParse(string, out Language)"/>
    public static bool TryParse(ReadOnlySpan<char> tag, out Language language) => TryParse(tag, out language, out _);

    private static bool TryParse(ReadOnlySpan<char> text, out Language language, [NotNullWhen(false)] out string? reason)
    {
        language = default;
        var trimmed = text.Trim();
        if (trimmed.IsEmpty)
        {
            reason = "it is empty";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            reason = $"it has {trimmed.Length} characters and the maximum is {MaxLength}";
            return false;
        }

        Span<char> buffer = stackalloc char[trimmed.Length];
        var subtagIndex = 0;
        var subtagLength = 0;
        for (var i = 0; i <= trimmed.Length; i++)
        {
            var atEnd = i == trimmed.Length;
            var c = atEnd ? '-' : trimmed[i];
            if (c is '-' or '_')
            {
                if (!IsValidSubtag(subtagIndex, subtagLength, out reason))
                {
                    return false;
                }

                subtagIndex++;
                subtagLength = 0;
                if (!atEnd)
                {
                    buffer[i] = '-';
                }

                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) || (subtagIndex == 0 && !char.IsAsciiLetter(c)))
            {
                reason = subtagIndex == 0
                    ? $"the primary subtag contains '{c}' and may contain only ASCII letters"
                    : $"subtag {subtagIndex + 1} contains '{c}' and may contain only ASCII letters and digits";
                return false;
            }

            buffer[i] = char.ToLowerInvariant(c);
            subtagLength++;
        }

        if (subtagIndex > MaxSubtags)
        {
            reason = $"it has {subtagIndex} subtags and the maximum is {MaxSubtags}";
            return false;
        }

        language = new Language(new string(buffer));
        reason = null;
        return true;
    }

    private static bool IsValidSubtag(int index, int length, [NotNullWhen(false)] out string? reason)
    {
        if (index == 0 && length is < 2 or > 8)
        {
            reason = $"the primary subtag has {length} letters and must have 2 to 8";
            return false;
        }

        if (length is < 1 or > 8)
        {
            reason = $"subtag {index + 1} has {length} characters and must have 1 to 8";
            return false;
        }

        reason = null;
        return true;
    }

    static Language IParsable<Language>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Language>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Language result) =>
        TryParse(s, out result);

    static Language ISpanParsable<Language>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Language>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Language result) =>
        TryParse(s, out result);

    /// <summary>Returns whether both languages have the same tag.</summary>
    /// <param name="other">The language to compare with.</param>
    /// <returns><see langword="true"/> when the tags are equal.</returns>
    public bool Equals(Language other) => string.Equals(_tag, other._tag, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Language other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _tag is null ? 0 : StringComparer.Ordinal.GetHashCode(_tag);

    /// <summary>Compares the tags ordinally.</summary>
    /// <param name="other">The language to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this tag sorts before, with or after the other.</returns>
    public int CompareTo(Language other) => string.CompareOrdinal(_tag, other._tag);

    /// <summary>Returns the normalized tag.</summary>
    /// <returns>The tag, such as <c>de-at</c>.</returns>
    public override string ToString() => Tag;

    /// <summary>Returns whether both languages have the same tag.</summary>
    /// <param name="left">The first language.</param>
    /// <param name="right">The second language.</param>
    /// <returns><see langword="true"/> when the tags are equal.</returns>
    public static bool operator ==(Language left, Language right) => left.Equals(right);

    /// <summary>Returns whether the languages have different tags.</summary>
    /// <param name="left">The first language.</param>
    /// <param name="right">The second language.</param>
    /// <returns><see langword="true"/> when the tags differ.</returns>
    public static bool operator !=(Language left, Language right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Language left, Language right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(Language left, Language right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Language left, Language right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(Language left, Language right) => left.CompareTo(right) >= 0;
}
