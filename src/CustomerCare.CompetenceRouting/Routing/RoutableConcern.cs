using System.Globalization;
using System.Text;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting;

/// <summary>
/// Routing's view of a concern: the facts that classification and agent selection read, and nothing else.
/// </summary>
/// <remarks>
/// <para>
/// The host, or the composing CustomerCare package, fills it from the concern and the customer. It carries
/// identifiers only, no personal data. <see cref="EnqueuedAt"/> is the origin of the concern's age: ladder step
/// timeouts count from it, and an offer that is rejected or times out returns the concern with its age unchanged.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record RoutableConcern
{
    /// <summary>The lowest complexity: a standard concern.</summary>
    public const int MinComplexity = 1;

    /// <summary>The highest complexity: a concern that needs the deepest expertise.</summary>
    public const int MaxComplexity = 5;

    private readonly ConcernId _id;
    private readonly Channel _channel;
    private readonly ContactReason _reason;
    private readonly int _complexity = MinComplexity;
    private readonly ServiceTier _tier = ServiceTier.Standard;
    private readonly Priority _priority = Priority.P3;

    /// <summary>Gets the concern's identifier.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public required ConcernId Id
    {
        get => _id;
        init => _id = Guard.NotDefault(value);
    }

    /// <summary>Gets the channel on which the customer waits for a response.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public required Channel Channel
    {
        get => _channel;
        init => _channel = Guard.NotDefault(value);
    }

    /// <summary>Gets the contact reason, such as <c>billing/refund</c>.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public required ContactReason Reason
    {
        get => _reason;
        init => _reason = Guard.NotDefault(value);
    }

    /// <summary>Gets the complexity, 1 (standard) to 5 (deepest expertise); 1 by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 5.</exception>
    public int Complexity
    {
        get => _complexity;
        init => _complexity = Guard.InRange(value, MinComplexity, MaxComplexity);
    }

    /// <summary>Gets the customer's service tier, such as <c>vip</c>; <see cref="ServiceTier.Standard"/> by default.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public ServiceTier Tier
    {
        get => _tier;
        init => _tier = Guard.NotDefault(value);
    }

    /// <summary>Gets the language the customer uses, or <see langword="null"/> when it does not matter (the default).</summary>
    public Language? Language { get; init; }

    /// <summary>Gets the concern's ITIL priority; P3 by default. A classification rule may override it.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public Priority Priority
    {
        get => _priority;
        init => _priority = Guard.NotDefault(value);
    }

    /// <summary>Gets the instant the concern entered routing, from which its age counts.</summary>
    public required Instant EnqueuedAt { get; init; }

    /// <summary>Gets the agent who last handled the customer's concern, or <see langword="null"/> (the default).</summary>
    public AgentId? PreferredAgent { get; init; }

    /// <summary>
    /// Gets the instant by which the concern's SLA target must be met, or <see langword="null"/> when no target applies
    /// (the default). Routing escalates when the share of the time used reaches the policy's SLA risk threshold.
    /// </summary>
    public Instant? SlaDueAt { get; init; }

    /// <summary>Returns the concern's routing facts in one line.</summary>
    /// <returns>A line such as <c>con_… on phone, reason billing/refund, complexity 3, tier gold, language de, P2</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(_id).Append(" on ").Append(_channel).Append(", reason ").Append(_reason);
        text.Append(CultureInfo.InvariantCulture, $", complexity {_complexity}, tier {_tier}");
        if (Language is { } language)
        {
            text.Append(", language ").Append(language);
        }

        text.Append(", ").Append(_priority);
        return text.ToString();
    }
}
