using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CustomerCare.Core.Serialization;

namespace CustomerCare.Core;

/// <summary>
/// Why a customer made contact, as a path in the organization's reason taxonomy, for example
/// <c>billing/refund/late-payment</c> (product or area, issue, sub-issue).
/// </summary>
/// <remarks>
/// <para>
/// A reason is a path of 1 to 8 segments separated by '/'. Each segment follows the naming rules of
/// <see cref="Channel"/>: trimmed, lower-cased, 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter.
/// Reasons compare ordinally by their normalized <see cref="Code"/>. Routing rules, self-service intents and the
/// improvement metrics all use this type, so a Pareto of contact reasons can roll up to any level of the taxonomy.
/// </para>
/// <para><c>default(ContactReason)</c> has an empty code and is not a valid reason. CustomerCare APIs reject it.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(ContactReasonJsonConverter))]
public readonly struct ContactReason : IEquatable<ContactReason>, IComparable<ContactReason>, ISpanParsable<ContactReason>
{
    /// <summary>The maximum number of segments in a reason path.</summary>
    public const int MaxDepth = 8;

    private readonly string? _code;

    private ContactReason(string code)
    {
        _code = code;
    }

    /// <summary>Gets the normalized path, such as <c>billing/refund</c>, or an empty string for <c>default</c>.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>Gets the number of segments; 0 for <c>default</c>.</summary>
    public int Depth => _code is null ? 0 : _code.AsSpan().Count('/') + 1;

    /// <summary>Gets the reason one level up, or <see langword="null"/> for a top-level reason.</summary>
    public ContactReason? Parent
    {
        get
        {
            var slash = _code?.LastIndexOf('/') ?? -1;
            return slash < 0 ? null : new ContactReason(_code![..slash]);
        }
    }

    /// <summary>Gets the top-level segment as a reason of its own, such as <c>billing</c> for <c>billing/refund</c>.</summary>
    public ContactReason Root
    {
        get
        {
            var slash = _code?.IndexOf('/', StringComparison.Ordinal) ?? -1;
            return slash < 0 ? this : new ContactReason(_code![..slash]);
        }
    }

    /// <summary>Returns the reason at <paramref name="depth"/> levels, or this reason when it is not deeper.</summary>
    /// <param name="depth">The number of segments to keep, at least 1.</param>
    /// <returns>The ancestor with <paramref name="depth"/> segments, or this reason.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is less than 1.</exception>
    public ContactReason Truncate(int depth)
    {
        Guard.InRange(depth, 1, MaxDepth);
        var reason = this;
        while (reason.Depth > depth)
        {
            reason = reason.Parent!.Value;
        }

        return reason;
    }

    /// <summary>Returns whether this reason equals <paramref name="ancestor"/> or lies below it in the taxonomy.</summary>
    /// <param name="ancestor">The reason that may contain this one.</param>
    /// <returns><see langword="true"/> for <c>billing/refund</c> within <c>billing</c>, and for a reason within itself.</returns>
    public bool IsWithin(ContactReason ancestor)
    {
        if (_code is null || ancestor._code is null)
        {
            return false;
        }

        return _code.Length == ancestor._code.Length
            ? string.Equals(_code, ancestor._code, StringComparison.Ordinal)
            : _code.Length > ancestor._code.Length
                && _code[ancestor._code.Length] == '/'
                && _code.StartsWith(ancestor._code, StringComparison.Ordinal);
    }

    /// <summary>Parses a reason path.</summary>
    /// <param name="code">The path, such as <c>Billing/Refund</c>. Case and white space around segments are ignored.</param>
    /// <returns>The reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="code"/> breaks the rules; the message names the segment and the rule.</exception>
    public static ContactReason Parse(string code) => Parse(Guard.NotNull(code).AsSpan());

    /// <inheritdoc cref="Parse(string)"/>
    public static ContactReason Parse(ReadOnlySpan<char> code)
    {
        if (TryParse(code, out var reason, out var error))
        {
            return reason;
        }

        throw new FormatException($"'{code}' is not a valid contact reason because {error}. Use a path such as 'billing/refund'.");
    }

    /// <summary>Tries to parse a reason path.</summary>
    /// <param name="code">The path to parse.</param>
    /// <param name="reason">The reason, or <c>default</c> when the path is invalid.</param>
    /// <returns><see langword="true"/> when <paramref name="code"/> is a valid reason path.</returns>
    public static bool TryParse([NotNullWhen(true)] string? code, out ContactReason reason) =>
        TryParse(code.AsSpan(), out reason, out _);

    /// <inheritdoc cref="TryParse(string, out ContactReason)"/>
    public static bool TryParse(ReadOnlySpan<char> code, out ContactReason reason) => TryParse(code, out reason, out _);

    private static bool TryParse(ReadOnlySpan<char> code, out ContactReason reason, [NotNullWhen(false)] out string? error)
    {
        reason = default;
        var segments = new List<string>();
        var segmentIndex = 0;
        foreach (var range in code.Split('/'))
        {
            segmentIndex++;
            if (segmentIndex > MaxDepth)
            {
                error = $"it has more than {MaxDepth} segments";
                return false;
            }

            if (!NameToken.TryNormalize(code[range], out var segment, out var segmentError))
            {
                error = $"segment {segmentIndex} is invalid: {segmentError}";
                return false;
            }

            segments.Add(segment);
        }

        reason = new ContactReason(string.Join('/', segments));
        error = null;
        return true;
    }

    static ContactReason IParsable<ContactReason>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ContactReason>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out ContactReason result) =>
        TryParse(s, out result);

    static ContactReason ISpanParsable<ContactReason>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<ContactReason>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out ContactReason result) =>
        TryParse(s, out result);

    /// <summary>Returns whether both reasons have the same code.</summary>
    /// <param name="other">The reason to compare with.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public bool Equals(ContactReason other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ContactReason other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code);

    /// <summary>Compares the codes ordinally, so a parent sorts directly before its children.</summary>
    /// <param name="other">The reason to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this reason sorts before, with or after the other.</returns>
    public int CompareTo(ContactReason other) => string.CompareOrdinal(_code, other._code);

    /// <summary>Returns the normalized code.</summary>
    /// <returns>The code, such as <c>billing/refund</c>.</returns>
    public override string ToString() => Code;

    /// <summary>Returns whether both reasons have the same code.</summary>
    /// <param name="left">The first reason.</param>
    /// <param name="right">The second reason.</param>
    /// <returns><see langword="true"/> when the codes are equal.</returns>
    public static bool operator ==(ContactReason left, ContactReason right) => left.Equals(right);

    /// <summary>Returns whether the reasons have different codes.</summary>
    /// <param name="left">The first reason.</param>
    /// <param name="right">The second reason.</param>
    /// <returns><see langword="true"/> when the codes differ.</returns>
    public static bool operator !=(ContactReason left, ContactReason right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(ContactReason left, ContactReason right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(ContactReason left, ContactReason right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(ContactReason left, ContactReason right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(ContactReason left, ContactReason right) => left.CompareTo(right) >= 0;
}
