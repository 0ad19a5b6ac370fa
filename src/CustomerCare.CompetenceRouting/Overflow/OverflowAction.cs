using System.Globalization;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Overflow;

/// <summary>What an overflow rule does to a concern: move it to another ladder, classify it again, change its priority.</summary>
/// <remarks>
/// <para>
/// Set <see cref="MoveToLadder"/> to move the concern, or <see cref="Complexity"/> to classify it again with that
/// complexity, but not both. <see cref="Priority"/> may be set alone or with either. The concern keeps its age.
/// </para>
/// <para>This type is immutable and thread-safe. <see cref="RoutingPolicy.Validate"/> checks it.</para>
/// </remarks>
public sealed record OverflowAction
{
    /// <summary>Gets the ladder to move the concern to, or <see langword="null"/> (the default).</summary>
    public string? MoveToLadder { get; init; }

    /// <summary>Gets the level at which the concern enters <see cref="MoveToLadder"/>, or <see langword="null"/> for its first step (the default).</summary>
    public CompetenceLevel? EntryLevel { get; init; }

    /// <summary>Gets the complexity with which the concern is classified again, 1 to 5, or <see langword="null"/> (the default).</summary>
    public int? Complexity { get; init; }

    /// <summary>Gets the priority the concern takes, or <see langword="null"/> to keep it (the default).</summary>
    public Priority? Priority { get; init; }

    /// <summary>Describes the action for people.</summary>
    /// <returns>A fragment such as <c>move to ladder 'partners' at level 4, priority P2</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string>();
        if (MoveToLadder is { } ladder)
        {
            parts.Add($"move to ladder '{ladder}'" + (EntryLevel is { } level ? $" at level {level}" : string.Empty));
        }

        if (Complexity is { } complexity)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"classify again with complexity {complexity}"));
        }

        if (Priority is { } priority)
        {
            parts.Add($"priority {priority}");
        }

        return parts.Count == 0 ? "nothing" : string.Join(", ", parts);
    }
}
