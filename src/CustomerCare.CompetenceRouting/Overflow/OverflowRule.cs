using System.Globalization;
using System.Text;
using CustomerCare.CompetenceRouting.Classification;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Overflow;

/// <summary>
/// An exception rule for a queue that is too slow or too long: when a waiting concern meets it, its
/// <see cref="Action"/> moves or reclassifies the concern.
/// </summary>
/// <remarks>
/// <para>
/// A rule has exactly one trigger. <see cref="WaitedAtLeast"/> fires during a routing pass for a waiting concern whose
/// age reached the threshold. <see cref="QueueLengthAtLeast"/> fires when a concern is enqueued while at least that
/// many concerns already wait on the same ladder. Each rule fires at most once per concern, and rules are tested in
/// order.
/// </para>
/// <para>This type is immutable and thread-safe. <see cref="RoutingPolicy.Validate"/> checks it.</para>
/// </remarks>
public sealed record OverflowRule
{
    private readonly string _name = string.Empty;
    private readonly ConcernCondition _when = ConcernCondition.Any;
    private readonly OverflowAction _action = new();

    /// <summary>Gets the rule's name, unique in the policy.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required string Name
    {
        get => _name;
        init => _name = Guard.NotNull(value);
    }

    /// <summary>Gets the condition the concern must meet; <see cref="ConcernCondition.Any"/> by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public ConcernCondition When
    {
        get => _when;
        init => _when = Guard.NotNull(value);
    }

    /// <summary>Gets the ladder the concern must be on, or <see langword="null"/> for any ladder (the default).</summary>
    public string? Ladder { get; init; }

    /// <summary>Gets the wait-time trigger: the concern's age at which the rule fires; <see langword="null"/> by default.</summary>
    public Duration? WaitedAtLeast { get; init; }

    /// <summary>Gets the queue-length trigger: the number of concerns waiting on the ladder at enqueue; <see langword="null"/> by default.</summary>
    public int? QueueLengthAtLeast { get; init; }

    /// <summary>Gets what the rule does.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required OverflowAction Action
    {
        get => _action;
        init => _action = Guard.NotNull(value);
    }

    /// <summary>Describes the rule for people.</summary>
    /// <returns>A line such as <c>general-backlog: waited ≥ 30m on ladder 'general' → move to ladder 'partners'</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(_name).Append(": ");
        if (WaitedAtLeast is { } wait)
        {
            text.Append("waited ≥ ").Append(DurationText.Format(wait));
        }

        if (QueueLengthAtLeast is { } length)
        {
            text.Append(CultureInfo.InvariantCulture, $"queue length ≥ {length}");
        }

        if (Ladder is { } ladder)
        {
            text.Append(" on ladder '").Append(ladder).Append('\'');
        }

        if (!_when.IsAny)
        {
            text.Append(" for ").Append(_when);
        }

        text.Append(" → ").Append(_action);
        return text.ToString();
    }
}
