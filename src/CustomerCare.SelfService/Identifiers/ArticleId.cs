using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// Identifies a knowledge article: one answer to a customer question, with its variants and lifecycle.
/// </summary>
/// <remarks>
/// <para>
/// The identifier wraps a non-empty <see cref="Guid"/> and prints as <c>art_</c> followed by 32 lower-case hexadecimal
/// digits. <see cref="Parse(string)"/> accepts exactly that form, so an identifier of another kind is rejected.
/// JSON carries the same string.
/// </para>
/// <para>
/// <c>default(ArticleId)</c> wraps <see cref="Guid.Empty"/> and is not a valid identifier. CustomerCare APIs reject it.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(EntityIdJsonConverter<ArticleId>))]
public readonly record struct ArticleId : IEntityId<ArticleId>, IComparable<ArticleId>, ISpanFormattable, ISpanParsable<ArticleId>
{
    /// <summary>Initializes a new identifier that wraps <paramref name="value"/>.</summary>
    /// <param name="value">The wrapped value. UUID version 7 values sort by creation time.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public ArticleId(Guid value)
    {
        Value = EntityIdFormat.RequireNotEmpty(value, nameof(ArticleId));
    }

    static string IEntityId<ArticleId>.Prefix => "art";

    /// <summary>Gets the wrapped value.</summary>
    public Guid Value { get; }

    /// <summary>Creates an identifier for an entity created at <paramref name="createdAt"/>.</summary>
    /// <param name="createdAt">The creation instant, usually from the injected clock. It becomes the UUID version 7 timestamp.</param>
    /// <returns>A new identifier whose order follows <paramref name="createdAt"/>.</returns>
    public static ArticleId New(Instant createdAt) => new(Guid.CreateVersion7(createdAt.ToDateTimeOffset()));

    static ArticleId IEntityId<ArticleId>.FromValidGuid(Guid value) => new(value);

    /// <summary>Parses the form that <see cref="ToString()"/> writes.</summary>
    /// <param name="text">The text to parse, such as <c>art_0192f0c1a2b37c4d8e9f00112233aabb</c>.</param>
    /// <returns>The parsed identifier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not <c>art_</c> followed by 32 hexadecimal digits.</exception>
    public static ArticleId Parse(string text) => EntityIdFormat.Parse<ArticleId>(Guard.NotNull(text), nameof(ArticleId));

    /// <inheritdoc cref="Parse(string)"/>
    public static ArticleId Parse(ReadOnlySpan<char> text) => EntityIdFormat.Parse<ArticleId>(text, nameof(ArticleId));

    /// <summary>Tries to parse the form that <see cref="ToString()"/> writes.</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="result">The parsed identifier, or <c>default</c> when parsing failed.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid identifier of this kind.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out ArticleId result) =>
        EntityIdFormat.TryParse(text.AsSpan(), out result);

    /// <inheritdoc cref="TryParse(string, out ArticleId)"/>
    public static bool TryParse(ReadOnlySpan<char> text, out ArticleId result) => EntityIdFormat.TryParse(text, out result);

    static ArticleId IParsable<ArticleId>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ArticleId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ArticleId result) =>
        TryParse(s, out result);

    static ArticleId ISpanParsable<ArticleId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<ArticleId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ArticleId result) =>
        TryParse(s, out result);

    /// <summary>Compares the wrapped values, which orders UUID version 7 identifiers by creation time.</summary>
    /// <param name="other">The identifier to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this identifier sorts before, with or after <paramref name="other"/>.</returns>
    public int CompareTo(ArticleId other) => Value.CompareTo(other.Value);

    /// <summary>Returns the identifier as <c>art_</c> followed by 32 lower-case hexadecimal digits.</summary>
    /// <returns>The formatted identifier.</returns>
    public override string ToString() => EntityIdFormat.Format(this);

    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        EntityIdFormat.TryFormat(this, destination, out charsWritten);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ArticleId left, ArticleId right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(ArticleId left, ArticleId right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ArticleId left, ArticleId right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first identifier.</param>
    /// <param name="right">The second identifier.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(ArticleId left, ArticleId right) => left.CompareTo(right) >= 0;
}
