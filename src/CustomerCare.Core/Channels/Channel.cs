using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using CustomerCare.Core.Serialization;

namespace CustomerCare.Core;

/// <summary>
/// A way through which customers reach the service organization, or it reaches them: phone, letter, email and so on.
/// </summary>
/// <remarks>
/// <para>
/// The well-known channels are static properties. A host adds its own channel, such as <c>whatsapp</c>, with
/// <see cref="Parse(string)"/>; it then compares, hashes and serializes like a well-known one.
/// </para>
/// <para>
/// A channel is identified by its name. Names are trimmed and lower-cased, are 1 to 64 characters long, start with an
/// ASCII letter and contain only ASCII letters, digits, '-', '_' and '.'. So <c>"WhatsApp"</c> and <c>"whatsapp"</c>
/// are the same channel. JSON carries the name as a string.
/// </para>
/// <para><c>default(Channel)</c> has an empty name and is not a valid channel. CustomerCare APIs reject it.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(ChannelJsonConverter))]
public readonly struct Channel : IEquatable<Channel>, IComparable<Channel>, ISpanParsable<Channel>
{
    private static readonly FrozenDictionary<string, Channel> WellKnownByName = new[]
    {
        new Channel("phone"),
        new Channel("letter"),
        new Channel("fax"),
        new Channel("email"),
        new Channel("web"),
        new Channel("chat"),
        new Channel("social-media"),
        new Channel("self-service"),
    }.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);

    private readonly string? _name;

    private Channel(string name)
    {
        _name = name;
    }

    /// <summary>Gets the phone channel: calls in and out, including call-backs.</summary>
    public static Channel Phone => WellKnownByName["phone"];

    /// <summary>Gets the letter channel: postal mail, usually scanned on arrival.</summary>
    public static Channel Letter => WellKnownByName["letter"];

    /// <summary>Gets the fax channel.</summary>
    public static Channel Fax => WellKnownByName["fax"];

    /// <summary>Gets the email channel.</summary>
    public static Channel Email => WellKnownByName["email"];

    /// <summary>Gets the web channel: contact forms and the customer portal.</summary>
    public static Channel Web => WellKnownByName["web"];

    /// <summary>Gets the chat channel: live chat with a person or a bot.</summary>
    public static Channel Chat => WellKnownByName["chat"];

    /// <summary>Gets the social media channel: public posts and direct messages on social networks.</summary>
    public static Channel SocialMedia => WellKnownByName["social-media"];

    /// <summary>Gets the self-service channel: knowledge base, automations and bots without a person.</summary>
    public static Channel SelfService => WellKnownByName["self-service"];

    /// <summary>Gets the well-known channels in a stable order.</summary>
    public static IReadOnlyList<Channel> WellKnown { get; } =
        [Phone, Letter, Fax, Email, Web, Chat, SocialMedia, SelfService];

    /// <summary>Gets the normalized name, or an empty string for <c>default(Channel)</c>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Gets a value indicating whether this is one of the <see cref="WellKnown"/> channels.</summary>
    public bool IsWellKnown => _name is not null && WellKnownByName.ContainsKey(_name);

    /// <summary>Returns the channel with the given name, well-known or host-defined.</summary>
    /// <param name="name">The channel name. Case and surrounding white space are ignored.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="name"/> breaks the naming rules; the message says which rule.</exception>
    public static Channel Parse(string name) => Parse(Guard.NotNull(name).AsSpan());

    /// <inheritdoc cref="Parse(string)"/>
    public static Channel Parse(ReadOnlySpan<char> name)
    {
        if (TryParse(name, out var channel, out var reason))
        {
            return channel;
        }

        throw new FormatException($"'{name}' is not a valid channel name because {reason}. Use a name such as 'email' or 'whatsapp'.");
    }

    /// <summary>Tries to return the channel with the given name.</summary>
    /// <param name="name">The channel name. Case and surrounding white space are ignored.</param>
    /// <param name="channel">The channel, or <c>default</c> when the name is invalid.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> is a valid channel name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out Channel channel) =>
        TryParse(name.AsSpan(), out channel, out _);

    /// <inheritdoc cref="TryParse(string, out Channel)"/>
    public static bool TryParse(ReadOnlySpan<char> name, out Channel channel) => TryParse(name, out channel, out _);

    private static bool TryParse(ReadOnlySpan<char> name, out Channel channel, [NotNullWhen(false)] out string? reason)
    {
        if (!NameToken.TryNormalize(name, out var normalized, out reason))
        {
            channel = default;
            return false;
        }

        channel = WellKnownByName.TryGetValue(normalized, out var known) ? known : new Channel(normalized);
        return true;
    }

    static Channel IParsable<Channel>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<Channel>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Channel result) =>
        TryParse(s, out result);

    static Channel ISpanParsable<Channel>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<Channel>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Channel result) =>
        TryParse(s, out result);

    /// <summary>Returns whether both channels have the same name.</summary>
    /// <param name="other">The channel to compare with.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public bool Equals(Channel other) => string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Channel other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _name is null ? 0 : StringComparer.Ordinal.GetHashCode(_name);

    /// <summary>Compares the names ordinally.</summary>
    /// <param name="other">The channel to compare with.</param>
    /// <returns>A negative number, zero or a positive number as this channel's name sorts before, with or after the other's.</returns>
    public int CompareTo(Channel other) => string.CompareOrdinal(_name, other._name);

    /// <summary>Returns the normalized name.</summary>
    /// <returns>The name, such as <c>email</c>.</returns>
    public override string ToString() => Name;

    /// <summary>Returns whether both channels have the same name.</summary>
    /// <param name="left">The first channel.</param>
    /// <param name="right">The second channel.</param>
    /// <returns><see langword="true"/> when the names are equal.</returns>
    public static bool operator ==(Channel left, Channel right) => left.Equals(right);

    /// <summary>Returns whether the channels have different names.</summary>
    /// <param name="left">The first channel.</param>
    /// <param name="right">The second channel.</param>
    /// <returns><see langword="true"/> when the names differ.</returns>
    public static bool operator !=(Channel left, Channel right) => !left.Equals(right);

    /// <summary>Returns whether <paramref name="left"/> sorts before <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts first.</returns>
    public static bool operator <(Channel left, Channel right) => left.CompareTo(right) < 0;

    /// <summary>Returns whether <paramref name="left"/> sorts before or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort after <paramref name="right"/>.</returns>
    public static bool operator <=(Channel left, Channel right) => left.CompareTo(right) <= 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> sorts last.</returns>
    public static bool operator >(Channel left, Channel right) => left.CompareTo(right) > 0;

    /// <summary>Returns whether <paramref name="left"/> sorts after or with <paramref name="right"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when <paramref name="left"/> does not sort before <paramref name="right"/>.</returns>
    public static bool operator >=(Channel left, Channel right) => left.CompareTo(right) >= 0;
}
