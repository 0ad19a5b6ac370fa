using System.Collections.Frozen;
using System.Globalization;
using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>
/// When self-service answers, suggests or hands off: the confidence bands, the intents that always go to a person,
/// the amount limits, and the rules for rephrasing and explicit requests for a person.
/// </summary>
/// <remarks>
/// <para>
/// Sensitive intents and amount limits apply to the intent and every intent below it in the taxonomy: marking
/// <c>complaint</c> sensitive covers <c>complaint/delivery</c>.
/// </para>
/// <para>Instances are immutable once built and thread-safe.</para>
/// </remarks>
public sealed class SelfServicePolicy
{
    private readonly FrozenSet<ContactReason> _sensitive = FrozenSet<ContactReason>.Empty;
    private readonly FrozenDictionary<ContactReason, decimal> _amountLimits = FrozenDictionary<ContactReason, decimal>.Empty;

    /// <summary>Gets the policy with every default.</summary>
    public static SelfServicePolicy Default { get; } = new();

    /// <summary>Gets the confidence thresholds, globally and per intent.</summary>
    /// <value>The default is <see cref="ConfidencePolicy.Default"/>: answer at 0.9, suggest at 0.3.</value>
    public ConfidencePolicy Confidence { get; init => field = Guard.NotNull(value); } = ConfidencePolicy.Default;

    /// <summary>Gets the intents that always go to a person, such as complaints, cancellations and legal matters.</summary>
    /// <value>Empty by default.</value>
    /// <exception cref="ArgumentException">The value set contains <c>default(ContactReason)</c>.</exception>
    public IReadOnlySet<ContactReason> SensitiveIntents
    {
        get => _sensitive;
        init
        {
            _sensitive = Guard.NotNull(value).ToFrozenSet();
            foreach (var intent in _sensitive)
            {
                Guard.NotDefault(intent, nameof(value));
            }
        }
    }

    /// <summary>
    /// Gets the amount limits by intent: a request whose <see cref="SelfServiceRequest.Amount"/> is above the limit of
    /// its intent goes to a person, such as refunds above 100.
    /// </summary>
    /// <value>Empty by default.</value>
    /// <exception cref="ArgumentException">The value set has a <c>default</c> key or a negative limit.</exception>
    public IReadOnlyDictionary<ContactReason, decimal> AmountLimits
    {
        get => _amountLimits;
        init
        {
            _amountLimits = Guard.NotNull(value).ToFrozenDictionary();
            foreach (var (intent, limit) in _amountLimits)
            {
                Guard.NotDefault(intent, nameof(value));
                if (limit < 0)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The limit of '{intent}' is {limit}; limits must be zero or more."), nameof(value));
                }
            }
        }
    }

    /// <summary>Gets the number of rephrasings at which a person takes over instead of matching again.</summary>
    /// <value>The default is 2: the first query and one rephrasing are matched, the third query goes to a person. The allowed range is 1 to 10.</value>
    /// <exception cref="ArgumentOutOfRangeException">The value set is outside 1 to 10.</exception>
    public int MaxRephrasings { get; init => field = Guard.InRange(value, 1, 10); } = 2;

    /// <summary>Gets the phrases that count as asking for a person, compared after case and diacritic folding.</summary>
    /// <value>The default is <see cref="PersonRequestDetector.DefaultPhrases"/>, English phrases such as "speak to an agent".</value>
    public IReadOnlyList<string> PersonRequestPhrases { get; init => field = [.. Guard.NoNullElements(value)]; } = PersonRequestDetector.DefaultPhrases;

    /// <summary>Returns whether <paramref name="intent"/> or an intent above it is marked sensitive.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns><see langword="true"/> when the intent always goes to a person.</returns>
    public bool IsSensitive(ContactReason intent) => Find(intent, _sensitive.Contains) is not null;

    /// <summary>Returns the amount limit of <paramref name="intent"/> or its nearest ancestor with one.</summary>
    /// <param name="intent">The intent.</param>
    /// <returns>The limit, or <see langword="null"/> when none applies.</returns>
    public decimal? AmountLimitFor(ContactReason intent) =>
        Find(intent, _amountLimits.ContainsKey) is { } owner ? _amountLimits[owner] : null;

    private static ContactReason? Find(ContactReason intent, Func<ContactReason, bool> predicate)
    {
        for (ContactReason? reason = intent; reason is { } current && current != default; reason = current.Parent)
        {
            if (predicate(current))
            {
                return current;
            }
        }

        return null;
    }
}
