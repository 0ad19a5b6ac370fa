using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CustomerCare.Core;

/// <summary>
/// A competence level of the service organization. The more complex a concern, the deeper the level that handles it.
/// </summary>
/// <remarks>
/// <para>
/// Level 0 is self-service and automation, level 1 the first level that customers reach, level 2 the specialists and
/// level 3 the experts or product engineering. An organization may add deeper levels, such as external partners, up
/// to <see cref="MaxRank"/>.
/// </para>
/// <para>
/// Levels compare by <see cref="Rank"/> only: the <see cref="Name"/> is for display, so a level read from a
/// configuration equals the well-known level with the same rank. A greater rank is deeper.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct CompetenceLevel : IEquatable<CompetenceLevel>, IComparable<CompetenceLevel>
{
    /// <summary>The deepest rank.</summary>
    public const int MaxRank = 99;

    private readonly string? _name;

    /// <summary>Initializes a new level.</summary>
    /// <param name="rank">The depth, 0 (self-service) to <see cref="MaxRank"/>.</param>
    /// <param name="name">The display name, such as <c>Billing specialists</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is outside 0 to <see cref="MaxRank"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or white space.</exception>
    public CompetenceLevel(int rank, string name)
    {
        Rank = Guard.InRange(rank, 0, MaxRank);
        _name = Guard.NotNullOrWhiteSpace(name).Trim();
    }

    /// <summary>Gets level 0: self-service and automation, with no person involved.</summary>
    public static CompetenceLevel SelfService { get; } = new(0, "Self-service");

    /// <summary>Gets level 1: the first level that customers reach.</summary>
    public static CompetenceLevel FirstLevel { get; } = new(1, "First level");

    /// <summary>Gets level 2: specialists.</summary>
    public static CompetenceLevel SecondLevel { get; } = new(2, "Specialists");

    /// <summary>Gets level 3: experts and product engineering.</summary>
    public static CompetenceLevel ThirdLevel { get; } = new(3, "Experts");

    /// <summary>Gets the depth: 0 for self-service, larger for deeper levels.</summary>
    public int Rank { get; }

    /// <summary>Gets the display name, or <c>Level n</c> for <c>default(CompetenceLevel)</c>.</summary>
    public string Name => _name ?? string.Create(CultureInfo.InvariantCulture, $"Level {Rank}");

    /// <summary>Gets a value indicating whether this level involves no person.</summary>
    public bool IsSelfService => Rank == 0;

    /// <summary>Returns whether this level is deeper than <paramref name="other"/>.</summary>
    /// <param name="other">The level to compare with.</param>
    /// <returns><see langword="true"/> when this rank is greater.</returns>
    public bool IsDeeperThan(CompetenceLevel other) => Rank > other.Rank;

    /// <summary>Returns whether both levels have the same rank.</summary>
    /// <param name="other">The level to compare with.</param>
    /// <returns><see langword="true"/> when the ranks are equal, whatever the names.</returns>
    public bool Equals(CompetenceLevel other) => Rank == other.Rank;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is CompetenceLevel other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Rank;

    /// <summary>Compares ranks, so shallower levels sort first.</summary>
    /// <param name="other">The level to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this level is shallower than, as deep as or deeper than the other.</returns>
    public int CompareTo(CompetenceLevel other) => Rank.CompareTo(other.Rank);

    /// <summary>Returns the rank and the name, such as <c>2 (Specialists)</c>.</summary>
    /// <returns>The rank followed by the name in brackets.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Rank} ({Name})");

    /// <summary>Returns whether both levels have the same rank.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns><see langword="true"/> when the ranks are equal.</returns>
    public static bool operator ==(CompetenceLevel left, CompetenceLevel right) => left.Equals(right);

    /// <summary>Returns whether the levels have different ranks.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns><see langword="true"/> when the ranks differ.</returns>
    public static bool operator !=(CompetenceLevel left, CompetenceLevel right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> is shallower than <paramref name="right"/>.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns><see langword="true"/> when the left rank is smaller.</returns>
    public static bool operator <(CompetenceLevel left, CompetenceLevel right) => left.Rank < right.Rank;

    /// <summary>Returns whether <paramref name="left"/> is not deeper than <paramref name="right"/>.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns><see langword="true"/> when the left rank is smaller or equal.</returns>
    public static bool operator <=(CompetenceLevel left, CompetenceLevel right) => left.Rank <= right.Rank;

    /// <summary>Returns whether <paramref name="left"/> is deeper than <paramref name="right"/>.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns><see langword="true"/> when the left rank is greater.</returns>
    public static bool operator >(CompetenceLevel left, CompetenceLevel right) => left.Rank > right.Rank;

    /// <summary>Returns whether <paramref name="left"/> is at least as deep as <paramref name="right"/>.</summary>
    /// <param name="left">The first level.</param>
    /// <param name="right">The second level.</param>
    /// <returns><see langword="true"/> when the left rank is greater or equal.</returns>
    public static bool operator >=(CompetenceLevel left, CompetenceLevel right) => left.Rank >= right.Rank;
}
