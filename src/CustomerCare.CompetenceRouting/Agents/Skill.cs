using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CustomerCare.CompetenceRouting.Serialization;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>
/// A skill that agents hold with a proficiency and that concerns require, such as <c>billing</c>, <c>sepa-mandates</c>
/// or <c>product.router-x200</c>.
/// </summary>
/// <remarks>
/// <para>
/// Skills are named by the host. Names follow the rules of <see cref="Channel"/>: trimmed, lower-cased, 1 to 64 ASCII
/// letters, digits, '-', '_' or '.', starting with a letter. JSON carries the name as a string.
/// </para>
/// <para><c>default(Skill)</c> has an empty name and is not a valid skill. CustomerCare APIs reject it.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(SkillJsonConverter))]
public readonly struct Skill : IEquatable<Skill>, IComparable<Skill>, ISpanParsable<Skill>
{
    private readonly string? _name;

    private Skill(string name)
    {
        _name = name;
    }

    /// <summary>Gets the normalized name, or an empty string for <c>default(Skill)</c>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Returns the skill with the given name.</summary>
    /// <param name="name">The skill name. Case and surrounding white space are ignored.</param>
    /// <returns>The skill.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="name"/> breaks the naming rules; the message says which rule.</exception>
    public static Skill Parse(string name) => Parse(Guard.NotNull(name).AsSpan());

    /// <inheritdoc cref="Parse(string)"/>
    public static Skill Parse(ReadOnlySpan<char> name)
    {
        if (NameToken.TryNormalize(name, out var normalized, out var reason))
        {
            return new Skill(normalized);
        }

        throw new FormatException($"'{name}' is not a valid skill name because {reason}. Use a name such as 'billing'.");
    }

    /// <summary>Tries to return the skill with the given name.</summary>
    /// <param name="name">The skill name. Case and surrounding white space are ignored.</param>
    /// <param name="skill">The skill, or <c>default</c> when the name is invalid.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> is a valid skill name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out Skill skill) => TryParse(name.AsSpan(), out skill);

    /// <inheritdoc cref="TryParse(string, out Skill)"/>
    public static bool TryParse(ReadOnlySpan<char> name, out Skill skill)
    {
        skill = NameToken.TryNormalize(name, out var normalized, out _) ? new Skill(normalized) : default;
        return skill._name is not null;
    }

    static Skill IParsable<Skill>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Skill>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Skill result) =>
        TryParse(s, out result);

    static Skill ISpanParsable<Skill>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Skill>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Skill result) =>
        TryParse(s, out result);

    /// <summary>Returns whether both skills have the same name.</summary>
    /// <param name="other">The skill to compare with.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public bool Equals(Skill other) => string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Skill other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name);

    /// <summary>Compares the names ordinally.</summary>
    /// <param name="other">The skill to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this skill's name sorts before, with or after the other's.</returns>
    public int CompareTo(Skill other) => string.CompareOrdinal(_name, other._name);

    /// <summary>Returns the normalized name.</summary>
    /// <returns>The name, such as <c>billing</c>.</returns>
    public override string ToString() => Name;

    /// <summary>Returns whether both skills have the same name.</summary>
    /// <param name="left">The first skill.</param>
    /// <param name="right">The second skill.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public static bool operator ==(Skill left, Skill right) => left.Equals(right);

    /// <summary>Returns whether the skills have different names.</summary>
    /// <param name="left">The first skill.</param>
    /// <param name="right">The second skill.</param>
    /// <returns><see langword="true"/> when the names differ.</returns>
    public static bool operator !=(Skill left, Skill right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Skill left, Skill right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(Skill left, Skill right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Skill left, Skill right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(Skill left, Skill right) => left.CompareTo(right) >= 0;
}
