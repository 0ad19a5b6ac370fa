using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CustomerCare.Core.Serialization;

namespace CustomerCare.Core;

/// <summary>
/// The service level a customer is entitled to by contract, such as <c>standard</c>, <c>gold</c> or <c>vip</c>.
/// SLA policies and routing rules select by it.
/// </summary>
/// <remarks>
/// <para>
/// Tiers are named by the host. Names follow the rules of <see cref="Channel"/>: trimmed, lower-cased, 1 to 64 ASCII
/// letters, digits, '-', '_' or '.', starting with a letter. JSON carries the name as a string.
/// </para>
/// <para><c>default(ServiceTier)</c> has an empty name and is not a valid tier. CustomerCare APIs reject it.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(ServiceTierJsonConverter))]
public readonly struct ServiceTier : IEquatable<ServiceTier>, IComparable<ServiceTier>, ISpanParsable<ServiceTier>
{
    private readonly string? _name;

    private ServiceTier(string name)
    {
        _name = name;
    }

    /// <summary>Gets the <c>standard</c> tier that customers without a contract are in.</summary>
    public static ServiceTier Standard { get; } = new("standard");

    /// <summary>Gets the normalized name, or an empty string for <c>default(ServiceTier)</c>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Returns the tier with the given name.</summary>
    /// <param name="name">The tier name. Case and surrounding white space are ignored.</param>
    /// <returns>The tier.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="name"/> breaks the naming rules; the message says which rule.</exception>
    public static ServiceTier Parse(string name) => Parse(Guard.NotNull(name).AsSpan());

    /// <inheritdoc cref="Parse(string)"/>
    public static ServiceTier Parse(ReadOnlySpan<char> name)
    {
        if (NameToken.TryNormalize(name, out var normalized, out var reason))
        {
            return new ServiceTier(normalized);
        }

        throw new FormatException($"'{name}' is not a valid service tier name because {reason}. Use a name such as 'gold'.");
    }

    /// <summary>Tries to return the tier with the given name.</summary>
    /// <param name="name">The tier name. Case and surrounding white space are ignored.</param>
    /// <param name="tier">The tier, or <c>default</c> when the name is invalid.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> is a valid tier name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out ServiceTier tier) => TryParse(name.AsSpan(), out tier);

    /// <inheritdoc cref="TryParse(string, out ServiceTier)"/>
    public static bool TryParse(ReadOnlySpan<char> name, out ServiceTier tier)
    {
        tier = NameToken.TryNormalize(name, out var normalized, out _) ? new ServiceTier(normalized) : default;
        return tier._name is not null;
    }

    static ServiceTier IParsable<ServiceTier>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ServiceTier>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ServiceTier result) =>
        TryParse(s, out result);

    static ServiceTier ISpanParsable<ServiceTier>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<ServiceTier>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ServiceTier result) =>
        TryParse(s, out result);

    /// <summary>Returns whether both tiers have the same name.</summary>
    /// <param name="other">The tier to compare with.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public bool Equals(ServiceTier other) => string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ServiceTier other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name);

    /// <summary>Compares the names ordinally.</summary>
    /// <param name="other">The tier to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this tier's name sorts before, with or after the other's.</returns>
    public int CompareTo(ServiceTier other) => string.CompareOrdinal(_name, other._name);

    /// <summary>Returns the normalized name.</summary>
    /// <returns>The name, such as <c>gold</c>.</returns>
    public override string ToString() => Name;

    /// <summary>Returns whether both tiers have the same name.</summary>
    /// <param name="left">The first tier.</param>
    /// <param name="right">The second tier.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public static bool operator ==(ServiceTier left, ServiceTier right) => left.Equals(right);

    /// <summary>Returns whether the tiers have different names.</summary>
    /// <param name="left">The first tier.</param>
    /// <param name="right">The second tier.</param>
    /// <returns><see langword="true"/> when the names differ.</returns>
    public static bool operator !=(ServiceTier left, ServiceTier right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ServiceTier left, ServiceTier right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(ServiceTier left, ServiceTier right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ServiceTier left, ServiceTier right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(ServiceTier left, ServiceTier right) => left.CompareTo(right) >= 0;
}
