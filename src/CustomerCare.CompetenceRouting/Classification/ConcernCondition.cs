using System.Globalization;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Classification;

/// <summary>
/// A test over a concern's attributes: channel, contact reason, complexity, service tier, language and priority.
/// </summary>
/// <remarks>
/// <para>
/// Every part that is set must match, and a part that is not set matches every concern, so <see cref="Any"/> (nothing
/// set) matches all. A list matches when the concern's value is one of its entries. A contact reason matches when the
/// concern's reason lies within a listed reason, so <c>billing</c> matches <c>billing/refund</c>. A language
/// matches when a listed language covers the concern's language (<see cref="Language.Covers(Language)"/>); a concern
/// without a language does not match a language list.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record ConcernCondition
{
    private readonly ValueList<Channel> _channels = ValueList<Channel>.Empty;
    private readonly ValueList<ContactReason> _reasons = ValueList<ContactReason>.Empty;
    private readonly ValueList<ServiceTier> _tiers = ValueList<ServiceTier>.Empty;
    private readonly ValueList<Language> _languages = ValueList<Language>.Empty;

    /// <summary>Gets a condition that matches every concern.</summary>
    public static ConcernCondition Any { get; } = new();

    /// <summary>Gets the channels of which the concern's channel must be one; empty for any channel (the default).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<Channel> Channels
    {
        get => _channels;
        init => _channels = ValueList<Channel>.From(Guard.NotNull(value));
    }

    /// <summary>Gets the reasons within one of which the concern's reason must lie; empty for any reason (the default).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<ContactReason> Reasons
    {
        get => _reasons;
        init => _reasons = ValueList<ContactReason>.From(Guard.NotNull(value));
    }

    /// <summary>Gets the lowest complexity that matches, or <see langword="null"/> for no lower bound (the default).</summary>
    public int? MinComplexity { get; init; }

    /// <summary>Gets the highest complexity that matches, or <see langword="null"/> for no upper bound (the default).</summary>
    public int? MaxComplexity { get; init; }

    /// <summary>Gets the service tiers of which the concern's tier must be one; empty for any tier (the default).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<ServiceTier> Tiers
    {
        get => _tiers;
        init => _tiers = ValueList<ServiceTier>.From(Guard.NotNull(value));
    }

    /// <summary>Gets the languages one of which must cover the concern's language; empty for any language (the default).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<Language> Languages
    {
        get => _languages;
        init => _languages = ValueList<Language>.From(Guard.NotNull(value));
    }

    /// <summary>
    /// Gets the least urgent priority that matches, such as P2 for "P2 or more urgent", or <see langword="null"/> for
    /// any priority (the default).
    /// </summary>
    public Priority? MinPriority { get; init; }

    /// <summary>Gets a value indicating whether nothing is set, so the condition matches every concern.</summary>
    public bool IsAny =>
        _channels.Count == 0 && _reasons.Count == 0 && MinComplexity is null && MaxComplexity is null
        && _tiers.Count == 0 && _languages.Count == 0 && MinPriority is null;

    /// <summary>Returns whether <paramref name="concern"/> meets every part of the condition that is set.</summary>
    /// <param name="concern">The concern.</param>
    /// <returns><see langword="true"/> when every set part matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="concern"/> is null.</exception>
    public bool Matches(RoutableConcern concern)
    {
        Guard.NotNull(concern);

        return (_channels.Count == 0 || _channels.AsSpan().Contains(concern.Channel))
            && (_reasons.Count == 0 || MatchesReason(concern.Reason))
            && (MinComplexity is not { } min || concern.Complexity >= min)
            && (MaxComplexity is not { } max || concern.Complexity <= max)
            && (_tiers.Count == 0 || _tiers.AsSpan().Contains(concern.Tier))
            && (_languages.Count == 0 || MatchesLanguage(concern.Language))
            && (MinPriority is not { } priority || concern.Priority.Level <= priority.Level);
    }

    /// <summary>Describes the condition for people.</summary>
    /// <returns>A fragment such as <c>reason within billing and complexity ≥ 3</c>, or <c>any concern</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (_channels.Count > 0)
        {
            parts.Add("channel " + string.Join(" or ", _channels));
        }

        if (_reasons.Count > 0)
        {
            parts.Add("reason within " + string.Join(" or ", _reasons));
        }

        if (MinComplexity is { } min)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"complexity ≥ {min}"));
        }

        if (MaxComplexity is { } max)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"complexity ≤ {max}"));
        }

        if (_tiers.Count > 0)
        {
            parts.Add("tier " + string.Join(" or ", _tiers));
        }

        if (_languages.Count > 0)
        {
            parts.Add("language " + string.Join(" or ", _languages));
        }

        if (MinPriority is { } priority)
        {
            parts.Add($"priority {priority} or more urgent");
        }

        return parts.Count == 0 ? "any concern" : string.Join(" and ", parts);
    }

    private bool MatchesReason(ContactReason reason)
    {
        foreach (var ancestor in _reasons.AsSpan())
        {
            if (reason.IsWithin(ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesLanguage(Language? language)
    {
        if (language is not { } requested)
        {
            return false;
        }

        foreach (var listed in _languages.AsSpan())
        {
            if (listed.Covers(requested))
            {
                return true;
            }
        }

        return false;
    }
}
