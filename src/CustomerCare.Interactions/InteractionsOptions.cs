using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using NodaTime;

namespace CustomerCare.Interactions;

/// <summary>Settings of the Interactions package: contact point normalization and the threading windows.</summary>
/// <remarks>
/// Call <see cref="Validate"/> once after setting the properties; the services of this package call it in their
/// constructors. An instance must not change after it is handed to a service.
/// </remarks>
public sealed class InteractionsOptions
{
    /// <summary>Gets or sets the ISO 3166-1 region for phone and fax numbers written without an international prefix, such as <c>DE</c>.</summary>
    /// <value>
    /// The default is <see langword="null"/>: only numbers with an international prefix such as <c>+49</c> are accepted,
    /// because guessing a country would file foreign numbers under the wrong one.
    /// </value>
    public string? DefaultRegion { get; set; }

    /// <summary>Gets or sets a value indicating whether Gmail addresses are folded (dots and <c>+tag</c> removed) for probable matches.</summary>
    /// <value>The default is <see langword="false"/>. A folded match is only ever <see cref="Identity.MatchConfidence.Probable"/>.</value>
    public bool FoldProviderAliases { get; set; }

    /// <summary>
    /// Gets or sets how long after a concern's last activity an interaction from the same customer with the same
    /// contact reason joins it, whatever the channel.
    /// </summary>
    /// <value>The default is 7 days, the repeat-contact window of first-contact resolution. Zero turns the cross-channel rule off.</value>
    public Duration CrossChannelWindow { get; set; } = Duration.FromDays(7);

    /// <summary>Gets or sets how long after closing a concern a new inbound interaction reopens it; later ones start a linked follow-up concern.</summary>
    /// <value>The default is 7 days. Zero makes every closed concern start a follow-up.</value>
    public Duration ReopenWindow { get; set; } = Duration.FromDays(7);

    /// <summary>Gets or sets the tag before a concern number in subjects, as in <c>[CC#10042]</c>.</summary>
    /// <value>The default is <c>CC#</c>. It is matched case-insensitively inside square brackets.</value>
    public string ConcernNumberTag { get; set; } = "CC#";

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="CustomerCareValidationException">A setting is invalid; the errors name each one, its value and the fix.</exception>
    public void Validate()
    {
        var errors = new List<ValidationError>();
        if (DefaultRegion is { } region && !PhoneRules.IsSupportedRegion(region.Trim().ToUpperInvariant()))
        {
            errors.Add(new ValidationError("InteractionsOptions.DefaultRegion", "is not a region that libphonenumber knows", "Use an ISO 3166-1 alpha-2 code such as 'DE', or null.", region));
        }

        if (CrossChannelWindow < Duration.Zero)
        {
            errors.Add(new ValidationError("InteractionsOptions.CrossChannelWindow", "is negative", "Use zero to turn the rule off, or a positive duration such as 7 days.", CrossChannelWindow.ToString()));
        }

        if (ReopenWindow < Duration.Zero)
        {
            errors.Add(new ValidationError("InteractionsOptions.ReopenWindow", "is negative", "Use zero to never reopen closed concerns, or a positive duration.", ReopenWindow.ToString()));
        }

        if (string.IsNullOrWhiteSpace(ConcernNumberTag) || ConcernNumberTag.Length > 16 || ConcernNumberTag.Any(c => char.IsWhiteSpace(c) || c is '[' or ']' || char.IsAsciiDigit(c)))
        {
            errors.Add(new ValidationError("InteractionsOptions.ConcernNumberTag", "is empty, longer than 16 characters, or contains white space, brackets or digits", "Use a short tag such as 'CC#'.", ConcernNumberTag));
        }

        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }
    }

    /// <summary>Creates a contact point of <paramref name="kind"/> with these settings.</summary>
    /// <param name="kind">The kind; email, phone and fax use <see cref="FoldProviderAliases"/> and <see cref="DefaultRegion"/>.</param>
    /// <param name="value">The value as written.</param>
    /// <param name="scope">The site, network or system for scoped kinds, or the country code for a postal address; ignored otherwise.</param>
    /// <returns>The contact point.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is invalid; the message names it and says why.</exception>
    public ContactPoint CreateContactPoint(ContactPointKind kind, string value, string? scope = null)
    {
        Guard.NotNull(value);
        var scopeOrRegion = kind is ContactPointKind.Phone or ContactPointKind.Fax ? DefaultRegion : scope;
        if (ContactPoint.TryCreate(kind, value, scopeOrRegion, out var point, out var reason, FoldProviderAliases))
        {
            return point;
        }

        throw new FormatException($"'{value}' is not a valid {kind} contact point because {reason}.");
    }
}
