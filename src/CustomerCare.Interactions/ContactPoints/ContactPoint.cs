using System.Diagnostics.CodeAnalysis;

namespace CustomerCare.Interactions.ContactPoints;

/// <summary>
/// One way to reach or recognize a customer: an email address, a phone or fax number, a postal address, a web
/// account, a chat handle or an identifier in one of the host's systems. The value is normalized on creation, so
/// two writings of the same address are the same contact point.
/// </summary>
/// <remarks>
/// <para>
/// Equality compares <see cref="Kind"/>, <see cref="Scope"/> and the normalized <see cref="Value"/> ordinally.
/// <see cref="Display"/> keeps the input as written (trimmed) for people to read, and <see cref="LooseValue"/> is
/// an optional folded form that only ever yields a probable match.
/// </para>
/// <para>The factories reject invalid input with a <see cref="FormatException"/> that names the value and the reason.
/// The <c>TryCreate</c> method returns the reason instead, for imports that count bad records.</para>
/// <para><c>default(ContactPoint)</c> has no kind and is not a valid contact point. CustomerCare APIs reject it.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly struct ContactPoint : IEquatable<ContactPoint>
{
    internal ContactPoint(ContactPointKind kind, string? scope, string value, string display, string? looseValue)
    {
        Kind = kind;
        Scope = scope;
        Value = value;
        Display = display;
        LooseValue = looseValue;
    }

    /// <summary>Gets the kind, or 0 for <c>default(ContactPoint)</c>.</summary>
    public ContactPointKind Kind { get; }

    /// <summary>
    /// Gets the system, site or chat network that the value belongs to, such as <c>crm</c> or <c>whatsapp</c>, or
    /// <see langword="null"/> for email, phone, fax and postal addresses.
    /// </summary>
    public string? Scope { get; }

    /// <summary>Gets the normalized value, such as <c>anna@example.com</c> or <c>+49301234567</c>.</summary>
    public string Value => field ?? string.Empty;

    /// <summary>Gets the value as it was written, trimmed, for display.</summary>
    public string Display => field ?? string.Empty;

    /// <summary>
    /// Gets a folded form for probable matches, such as a Gmail address without dots and <c>+tag</c>, or
    /// <see langword="null"/> when no folding rule applies.
    /// </summary>
    public string? LooseValue { get; }

    /// <summary>Creates an email contact point.</summary>
    /// <param name="address">
    /// The address, such as <c> Anna.Berg@Example.COM </c>. Surrounding white space is removed and the whole address is
    /// lower-cased; an internationalized domain is converted to its ASCII (punycode) form. A display name or angle
    /// brackets are rejected.
    /// </param>
    /// <param name="foldProviderAliases">
    /// <see langword="true"/> to fill <see cref="LooseValue"/> for Gmail addresses: dots and a <c>+tag</c> removed from
    /// the local part, and <c>googlemail.com</c> read as <c>gmail.com</c>. Other providers treat dots and <c>+</c>
    /// literally, so the folded form is only used for probable matches.
    /// </param>
    /// <returns>The contact point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="address"/> is not a valid address; the message says why.</exception>
    public static ContactPoint Email(string address, bool foldProviderAliases = false) =>
        OrThrow(EmailRules.TryNormalize(Guard.NotNull(address), foldProviderAliases, out var point, out var reason), point, address, reason, "an email address", "name@example.com");

    /// <summary>Creates a phone contact point in E.164 form.</summary>
    /// <param name="number">
    /// The number as written, such as <c>+49 30 1234567</c>, <c>0049 30 1234567</c> or, with
    /// <paramref name="defaultRegion"/> <c>DE</c>, <c>030 1234567</c> or <c>30 1234567</c>.
    /// </param>
    /// <param name="defaultRegion">
    /// The ISO 3166-1 region for numbers without an international prefix, such as <c>DE</c>; <see langword="null"/>
    /// accepts only international numbers.
    /// </param>
    /// <returns>The contact point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="number"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="number"/> is not a valid number; the message says why.</exception>
    public static ContactPoint Phone(string number, string? defaultRegion = null) =>
        OrThrow(PhoneRules.TryNormalize(ContactPointKind.Phone, Guard.NotNull(number), defaultRegion, out var point, out var reason), point, number, reason, "a phone number", "+49 30 1234567");

    /// <summary>Creates a fax contact point in E.164 form.</summary>
    /// <inheritdoc cref="Phone(string, string?)"/>
    public static ContactPoint Fax(string number, string? defaultRegion = null) =>
        OrThrow(PhoneRules.TryNormalize(ContactPointKind.Fax, Guard.NotNull(number), defaultRegion, out var point, out var reason), point, number, reason, "a fax number", "+49 30 1234567");

    /// <summary>Creates a postal address contact point.</summary>
    /// <param name="address">
    /// The address lines separated by line breaks or commas, such as <c>Hauptstraße 1, 10115 Berlin</c>. Each line is
    /// trimmed, runs of white space become one space, empty lines are dropped and the comparison ignores case.
    /// </param>
    /// <param name="countryCode">The ISO 3166-1 alpha-2 country code, such as <c>DE</c>, in any case.</param>
    /// <returns>The contact point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> or <paramref name="countryCode"/> is null.</exception>
    /// <exception cref="FormatException">The address has no line, a line is too long, or the country code is not two letters.</exception>
    public static ContactPoint PostalAddress(string address, string countryCode) =>
        OrThrow(OpaqueRules.TryNormalizePostal(Guard.NotNull(address), Guard.NotNull(countryCode), out var point, out var reason), point, address, reason, "a postal address", "Hauptstraße 1, 10115 Berlin");

    /// <summary>Creates a web account contact point.</summary>
    /// <param name="site">The site or portal, following the channel naming rules, such as <c>shop</c>.</param>
    /// <param name="account">The account name or id on that site; trimmed and compared case-sensitively.</param>
    /// <returns>The contact point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="site"/> or <paramref name="account"/> is null.</exception>
    /// <exception cref="FormatException">The site name breaks the naming rules, or the account is empty, too long or contains white space.</exception>
    public static ContactPoint WebAccount(string site, string account) =>
        OrThrow(OpaqueRules.TryNormalizeScoped(ContactPointKind.WebAccount, Guard.NotNull(site), Guard.NotNull(account), out var point, out var reason), point, account, reason, "a web account", "anna.berg");

    /// <summary>Creates a chat handle contact point.</summary>
    /// <param name="network">The chat network, following the channel naming rules, such as <c>whatsapp</c>.</param>
    /// <param name="handle">The handle; trimmed, a leading <c>@</c> removed and compared case-insensitively.</param>
    /// <returns>The contact point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="handle"/> is null.</exception>
    /// <exception cref="FormatException">The network name breaks the naming rules, or the handle is empty, too long or contains white space.</exception>
    public static ContactPoint ChatHandle(string network, string handle) =>
        OrThrow(OpaqueRules.TryNormalizeScoped(ContactPointKind.ChatHandle, Guard.NotNull(network), Guard.NotNull(handle), out var point, out var reason), point, handle, reason, "a chat handle", "@anna");

    /// <summary>Creates a contact point for an identifier in one of the host's systems.</summary>
    /// <param name="system">The system, following the channel naming rules, such as <c>crm</c> or <c>shop</c>.</param>
    /// <param name="id">The identifier in that system; trimmed and compared case-sensitively.</param>
    /// <returns>The contact point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="system"/> or <paramref name="id"/> is null.</exception>
    /// <exception cref="FormatException">The system name breaks the naming rules, or the id is empty, too long or contains white space.</exception>
    public static ContactPoint ExternalId(string system, string id) =>
        OrThrow(OpaqueRules.TryNormalizeScoped(ContactPointKind.ExternalId, Guard.NotNull(system), Guard.NotNull(id), out var point, out var reason), point, id, reason, "an external id", "C-10023");

    /// <summary>Tries to create a contact point of any kind, returning the reason when the input is invalid.</summary>
    /// <param name="kind">The kind to create.</param>
    /// <param name="value">The value as written.</param>
    /// <param name="scope">
    /// The site, network or system for <see cref="ContactPointKind.WebAccount"/>, <see cref="ContactPointKind.ChatHandle"/>
    /// and <see cref="ContactPointKind.ExternalId"/>; the country code for <see cref="ContactPointKind.PostalAddress"/>;
    /// the default region (or <see langword="null"/>) for phone and fax; ignored for email.
    /// </param>
    /// <param name="contactPoint">The contact point, or <c>default</c> when the input is invalid.</param>
    /// <param name="reason">Why the input is invalid, or <see langword="null"/>.</param>
    /// <param name="foldProviderAliases">For email: whether to fill <see cref="LooseValue"/>; see <see cref="Email(string, bool)"/>.</param>
    /// <returns><see langword="true"/> when the input is valid.</returns>
    public static bool TryCreate(
        ContactPointKind kind,
        string? value,
        string? scope,
        out ContactPoint contactPoint,
        [NotNullWhen(false)] out string? reason,
        bool foldProviderAliases = false)
    {
        if (value is null)
        {
            contactPoint = default;
            reason = "the value is null";
            return false;
        }

        switch (kind)
        {
            case ContactPointKind.Email:
                return EmailRules.TryNormalize(value, foldProviderAliases, out contactPoint, out reason);
            case ContactPointKind.Phone:
            case ContactPointKind.Fax:
                return PhoneRules.TryNormalize(kind, value, scope, out contactPoint, out reason);
            case ContactPointKind.PostalAddress:
                return OpaqueRules.TryNormalizePostal(value, scope ?? string.Empty, out contactPoint, out reason);
            case ContactPointKind.WebAccount:
            case ContactPointKind.ChatHandle:
            case ContactPointKind.ExternalId:
                return OpaqueRules.TryNormalizeScoped(kind, scope ?? string.Empty, value, out contactPoint, out reason);
            default:
                contactPoint = default;
                reason = $"the kind {(int)kind} is not a defined ContactPointKind";
                return false;
        }
    }

    /// <summary>
    /// Recreates a contact point from the properties a store wrote, without normalizing the value again. For storage
    /// adapters only: every other caller creates contact points with the factories.
    /// </summary>
    /// <param name="kind">The stored <see cref="Kind"/>.</param>
    /// <param name="scope">The stored <see cref="Scope"/>: a name for web accounts, chat handles and external ids, otherwise <see langword="null"/>.</param>
    /// <param name="value">The stored normalized <see cref="Value"/>.</param>
    /// <param name="display">The stored <see cref="Display"/>.</param>
    /// <param name="looseValue">The stored <see cref="LooseValue"/>, which only an email address may have.</param>
    /// <returns>A contact point equal to the one whose properties were stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> or <paramref name="display"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The kind is not defined, a value is empty, or the scope or folded value does not fit the kind; the stored data
    /// was not written from a contact point.
    /// </exception>
    /// <remarks>
    /// Normalizing again on every read would cost a parse per contact point, and for phone numbers it would need the
    /// default region that the number was first written with, which the contact point does not keep.
    /// </remarks>
    public static ContactPoint Restore(ContactPointKind kind, string? scope, string value, string display, string? looseValue)
    {
        Guard.NotNullOrWhiteSpace(value);
        Guard.NotNullOrWhiteSpace(display);
        if (kind is < ContactPointKind.Email or > ContactPointKind.ExternalId)
        {
            throw new ArgumentException($"The stored contact point kind {(int)kind} is not defined. Restore only what a contact point's properties contained.", nameof(kind));
        }

        var scoped = kind is ContactPointKind.WebAccount or ContactPointKind.ChatHandle or ContactPointKind.ExternalId;
        if (scoped == string.IsNullOrWhiteSpace(scope))
        {
            throw new ArgumentException(
                $"A stored {kind} contact point {(scoped ? "needs a scope" : "has no scope")}, but the scope is '{scope}'. Restore only what a contact point's properties contained.",
                nameof(scope));
        }

        if (looseValue is not null && (kind != ContactPointKind.Email || looseValue.Length == 0))
        {
            throw new ArgumentException($"Only a stored email contact point has a non-empty folded value, but a {kind} has '{looseValue}'.", nameof(looseValue));
        }

        return new ContactPoint(kind, scope, value, display, looseValue);
    }

    /// <summary>Returns whether both contact points have the same kind, scope and normalized value.</summary>
    /// <param name="other">The contact point to compare with.</param>
    /// <returns><see langword="true"/> when they denote the same address.</returns>
    public bool Equals(ContactPoint other) =>
        Kind == other.Kind
        && string.Equals(Scope, other.Scope, StringComparison.Ordinal)
        && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is ContactPoint other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(Kind, Scope is null ? 0 : StringComparer.Ordinal.GetHashCode(Scope), StringComparer.Ordinal.GetHashCode(Value));

    /// <summary>Returns the kind, the scope when there is one, and the normalized value, such as <c>ExternalId crm:C-10023</c>.</summary>
    /// <returns>The text. It contains personal data, so never log it.</returns>
    public override string ToString() => Scope is null ? $"{Kind} {Value}" : $"{Kind} {Scope}:{Value}";

    /// <summary>Returns whether both contact points have the same kind, scope and normalized value.</summary>
    /// <param name="left">The first contact point.</param>
    /// <param name="right">The second contact point.</param>
    /// <returns><see langword="true"/> when they denote the same address.</returns>
    public static bool operator ==(ContactPoint left, ContactPoint right) => left.Equals(right);

    /// <summary>Returns whether the contact points differ in kind, scope or normalized value.</summary>
    /// <param name="left">The first contact point.</param>
    /// <param name="right">The second contact point.</param>
    /// <returns><see langword="true"/> when they denote different addresses.</returns>
    public static bool operator !=(ContactPoint left, ContactPoint right) => !left.Equals(right);

    private static ContactPoint OrThrow(bool valid, ContactPoint point, string input, string? reason, string what, string example)
    {
        if (valid)
        {
            return point;
        }

        throw new FormatException($"'{input}' is not a valid {what[(what.IndexOf(' ', StringComparison.Ordinal) + 1)..]} because {reason}. Pass {what} such as '{example}'.");
    }
}
