using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Sla.Policies;

/// <summary>
/// What an SLA target measures: <see cref="FirstResponse"/>, <see cref="NextResponse"/>, <see cref="Resolution"/>, or a
/// custom measure that the host names, such as <c>on-site-visit</c>.
/// </summary>
/// <remarks>
/// <para>
/// Names follow the rules of service tiers: trimmed, lower-cased, 1 to 64 ASCII letters, digits, '-', '_' or '.',
/// starting with a letter. Compliance reports group by this name.
/// </para>
/// <para><c>default(SlaTargetKind)</c> has an empty name and is not valid. This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct SlaTargetKind : IEquatable<SlaTargetKind>, IComparable<SlaTargetKind>
{
    private readonly string? _name;

    private SlaTargetKind(string name)
    {
        _name = name;
    }

    /// <summary>Gets the time to the first reply to the customer, <c>first-response</c>.</summary>
    public static SlaTargetKind FirstResponse { get; } = new("first-response");

    /// <summary>Gets the time to the next reply after each customer message, <c>next-response</c>.</summary>
    public static SlaTargetKind NextResponse { get; } = new("next-response");

    /// <summary>Gets the time to resolve the concern, <c>resolution</c>.</summary>
    public static SlaTargetKind Resolution { get; } = new("resolution");

    /// <summary>Gets the normalized name, or an empty string for <c>default(SlaTargetKind)</c>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Returns the kind with the given name.</summary>
    /// <param name="name">The name, such as <c>resolution</c> or <c>on-site-visit</c>. Case and surrounding white space are ignored.</param>
    /// <returns>The kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="name"/> breaks the naming rules; the message names the rule.</exception>
    public static SlaTargetKind Parse(string name)
    {
        Guard.NotNull(name);
        return NameToken.TryNormalize(name, out var normalized, out var reason)
            ? new SlaTargetKind(normalized)
            : throw new FormatException($"'{name}' is not a valid SLA target kind because {reason}. Use a name such as 'resolution' or 'on-site-visit'.");
    }

    /// <summary>Tries to return the kind with the given name.</summary>
    /// <param name="name">The name. Case and surrounding white space are ignored.</param>
    /// <param name="kind">The kind, or <c>default</c> when the name is invalid.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> is a valid name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out SlaTargetKind kind)
    {
        kind = NameToken.TryNormalize(name.AsSpan(), out var normalized, out _) ? new SlaTargetKind(normalized) : default;
        return kind._name is not null;
    }

    /// <summary>Returns whether both kinds have the same name.</summary>
    /// <param name="other">The kind to compare with.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public bool Equals(SlaTargetKind other) => string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is SlaTargetKind other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name);

    /// <summary>Compares the names ordinally.</summary>
    /// <param name="other">The kind to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this name sorts before, with or after the other.</returns>
    public int CompareTo(SlaTargetKind other) => string.CompareOrdinal(_name, other._name);

    /// <summary>Returns the normalized name.</summary>
    /// <returns>The name, such as <c>first-response</c>.</returns>
    public override string ToString() => Name;

    /// <summary>Returns whether both kinds have the same name.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public static bool operator ==(SlaTargetKind left, SlaTargetKind right) => left.Equals(right);

    /// <summary>Returns whether the kinds have different names.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    /// <returns><see langword="true"/> when the names differ.</returns>
    public static bool operator !=(SlaTargetKind left, SlaTargetKind right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(SlaTargetKind left, SlaTargetKind right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(SlaTargetKind left, SlaTargetKind right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(SlaTargetKind left, SlaTargetKind right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first kind.</param>
    /// <param name="right">The second kind.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(SlaTargetKind left, SlaTargetKind right) => left.CompareTo(right) >= 0;
}
