using System.Collections.Frozen;
using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>
/// The confidence thresholds for every intent: a global default and overrides for intents or whole branches of the
/// reason taxonomy.
/// </summary>
/// <remarks>
/// <para>
/// An override for <c>billing</c> applies to <c>billing/refund</c> too, unless <c>billing/refund</c> has its own: the
/// most specific override wins. Raise the answer threshold where a wrong answer is expensive and lower it for
/// harmless intents such as opening hours.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ConfidencePolicy
{
    private readonly FrozenDictionary<ContactReason, ConfidenceThresholds> _overrides;

    /// <summary>Initializes a new policy.</summary>
    /// <param name="defaultThresholds">The thresholds of intents without an override.</param>
    /// <param name="overrides">Thresholds for intents and their descendants; none by default.</param>
    /// <exception cref="ArgumentException">An override is keyed by <c>default(ContactReason)</c>.</exception>
    public ConfidencePolicy(ConfidenceThresholds defaultThresholds, IReadOnlyDictionary<ContactReason, ConfidenceThresholds>? overrides = null)
    {
        DefaultThresholds = defaultThresholds;
        _overrides = (overrides ?? new Dictionary<ContactReason, ConfidenceThresholds>()).ToFrozenDictionary();
        foreach (var intent in _overrides.Keys)
        {
            Guard.NotDefault(intent, nameof(overrides));
        }
    }

    /// <summary>Gets a policy with <see cref="ConfidenceThresholds.Default"/> for every intent.</summary>
    public static ConfidencePolicy Default { get; } = new(ConfidenceThresholds.Default);

    /// <summary>Gets the thresholds of intents without an override.</summary>
    public ConfidenceThresholds DefaultThresholds { get; }

    /// <summary>Gets the overrides by intent.</summary>
    public IReadOnlyDictionary<ContactReason, ConfidenceThresholds> Overrides => _overrides;

    /// <summary>Returns the thresholds that apply to <paramref name="intent"/>: its own, its nearest ancestor's, or the default.</summary>
    /// <param name="intent">The intent of the best match.</param>
    /// <returns>The thresholds.</returns>
    public ConfidenceThresholds For(ContactReason intent)
    {
        for (ContactReason? reason = intent; reason is { } current && current != default; reason = current.Parent)
        {
            if (_overrides.TryGetValue(current, out var thresholds))
            {
                return thresholds;
            }
        }

        return DefaultThresholds;
    }

    /// <summary>Returns the band of a match under the thresholds of its top intent.</summary>
    /// <param name="result">The match.</param>
    /// <returns>The band; <see cref="ConfidenceBand.HandOff"/> when the match has no candidates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public ConfidenceBand Classify(MatchResult result)
    {
        Guard.NotNull(result);
        return result.TopIntent is { } intent ? For(intent).Classify(result.Confidence) : ConfidenceBand.HandOff;
    }
}
