using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>
/// One answer in the knowledge base: a title, the ways customers ask the question, the answer, the intent it
/// answers, and its lifecycle.
/// </summary>
/// <remarks>
/// <para>
/// The question variants matter most for matching: write them as customers phrase the question ("where is my new
/// card", "card still not arrived"). The title ranks next and the answer body last.
/// </para>
/// <para>
/// <see cref="Version"/> is the store's optimistic version: 0 for an article that was never stored, then 1, 2, …
/// for each write. A store sets it; callers pass the article they read back to the store unchanged.
/// </para>
/// <para>
/// Equality compares every property, the lists element by element. This type is immutable and thread-safe; change it
/// with <c>with</c> expressions, which validate like the constructor.
/// </para>
/// </remarks>
public sealed record KnowledgeArticle
{
    /// <summary>The maximum length of a title, in characters.</summary>
    public const int MaxTitleLength = 300;

    /// <summary>The maximum length of the answer and of each question variant, in characters.</summary>
    public const int MaxTextLength = 20_000;

    private readonly string _title = string.Empty;
    private readonly string _answer = string.Empty;
    private readonly ContactReason _intent;
    private readonly ImmutableArray<string> _questionVariants = [];
    private readonly string _language = "en";
    private readonly ImmutableArray<string> _tags = [];
    private readonly string? _automation;
    private readonly long _version;

    /// <summary>Initializes a new draft article.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="title">The title, such as <c>Your new card has not arrived</c>; at most <see cref="MaxTitleLength"/> characters.</param>
    /// <param name="answer">The answer shown to the customer; at most <see cref="MaxTextLength"/> characters.</param>
    /// <param name="intent">The contact reason that the article answers, such as <c>cards/card-arrival</c>.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="id"/> or <paramref name="intent"/> is <c>default</c>, or <paramref name="title"/> or
    /// <paramref name="answer"/> is null, white space or too long.
    /// </exception>
    [SetsRequiredMembers]
    public KnowledgeArticle(ArticleId id, string title, string answer, ContactReason intent)
    {
        Id = id;
        Title = title;
        Answer = answer;
        Intent = intent;
    }

    /// <summary>Gets the identifier.</summary>
    public required ArticleId Id { get; init => field = Guard.NotDefault(value); }

    /// <summary>Gets the title.</summary>
    /// <exception cref="ArgumentException">The value set is null, white space or longer than <see cref="MaxTitleLength"/>.</exception>
    public required string Title { get => _title; init => _title = RequireText(value, MaxTitleLength); }

    /// <summary>Gets the answer shown to the customer.</summary>
    /// <exception cref="ArgumentException">The value set is null, white space or longer than <see cref="MaxTextLength"/>.</exception>
    public required string Answer { get => _answer; init => _answer = RequireText(value, MaxTextLength); }

    /// <summary>Gets the contact reason that the article answers.</summary>
    /// <exception cref="ArgumentException">The value set is <c>default</c>.</exception>
    public required ContactReason Intent { get => _intent; init => _intent = Guard.NotDefault(value); }

    /// <summary>Gets the ways customers ask the question, without duplicates; empty by default.</summary>
    /// <exception cref="ArgumentException">The value set contains null, white space or a text longer than <see cref="MaxTextLength"/>.</exception>
    public ImmutableArray<string> QuestionVariants
    {
        get => _questionVariants;
        init => _questionVariants = [.. Guard.NotNull(value.IsDefault ? [] : (IEnumerable<string>)value)
            .Select(v => RequireText(v, MaxTextLength)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Gets the language, a lower-case tag such as <c>en</c> or <c>de-ch</c>; <c>en</c> by default.</summary>
    /// <exception cref="FormatException">The value set is not a name of ASCII letters, digits and '-'.</exception>
    public string Language { get => _language; init => _language = NormalizeName(value, "language"); }

    /// <summary>Gets the tags, normalized and sorted, such as <c>cards</c>; empty by default.</summary>
    /// <exception cref="FormatException">A tag set is not a name of ASCII letters, digits, '-', '_' and '.'.</exception>
    public ImmutableArray<string> Tags
    {
        get => _tags;
        init => _tags = [.. (value.IsDefault ? [] : value).Select(t => NormalizeName(t, "tag")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Gets the name of the automation that resolves the concern instead of only describing it, such as
    /// <c>card-reorder</c>, or <see langword="null"/>; <see langword="null"/> by default.
    /// </summary>
    /// <exception cref="FormatException">The value set is not a name of ASCII letters, digits, '-', '_' and '.'.</exception>
    public string? Automation { get => _automation; init => _automation = value is null ? null : NormalizeName(value, "automation"); }

    /// <summary>Gets the lifecycle status; <see cref="ArticleStatus.Draft"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is not a defined status.</exception>
    public ArticleStatus Status
    {
        get;
        init => field = Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Use Draft, Published or Retired.");
    }

    /// <summary>Gets the knowledge candidate that this article was published from, or <see langword="null"/>.</summary>
    public KnowledgeCandidateId? SourceCandidate { get; init; }

    /// <summary>Gets the store's optimistic version: 0 when never stored; 0 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is negative.</exception>
    public long Version
    {
        get => _version;
        init => _version = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Versions start at 0 for an article that was never stored.");
    }

    /// <inheritdoc/>
    public bool Equals(KnowledgeArticle? other) =>
        other is not null
        && Id == other.Id
        && _title == other._title
        && _answer == other._answer
        && _intent == other._intent
        && _questionVariants.SequenceEqual(other._questionVariants)
        && _language == other._language
        && _tags.SequenceEqual(other._tags)
        && _automation == other._automation
        && Status == other.Status
        && SourceCandidate == other.SourceCandidate
        && _version == other._version;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, _title, _intent, Status, _version, _questionVariants.Length);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", Intent = ").Append(_intent).Append(", Status = ").Append(Status)
            .Append(", Version = ").Append(_version);
        return true;
    }

    private static string RequireText(string value, int maxLength)
    {
        Guard.NotNullOrWhiteSpace(value);
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"Text has {value.Length} characters and the maximum is {maxLength}. Shorten it or split the article.", nameof(value));
        }

        return value;
    }

    private static string NormalizeName(string value, string what)
    {
        Guard.NotNull(value);
        return NameToken.TryNormalize(value, out var name, out var reason)
            ? name
            : throw new FormatException($"'{value}' is not a valid {what} because {reason}. Use a name such as 'en' or 'cards'.");
    }
}
