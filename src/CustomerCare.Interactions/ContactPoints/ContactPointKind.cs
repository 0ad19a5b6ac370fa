namespace CustomerCare.Interactions.ContactPoints;

/// <summary>The kind of a <see cref="ContactPoint"/>, which decides how its value is normalized and compared.</summary>
public enum ContactPointKind
{
    /// <summary>An email address, lower-cased as a whole; see <see cref="ContactPoint.Email(string, bool)"/>.</summary>
    Email = 1,

    /// <summary>A phone number in E.164 form, such as <c>+49301234567</c>.</summary>
    Phone = 2,

    /// <summary>A fax number in E.164 form.</summary>
    Fax = 3,

    /// <summary>A postal address: trimmed lines and an ISO 3166-1 country code.</summary>
    PostalAddress = 4,

    /// <summary>An account on a web site or portal, scoped by the site's name; compared case-sensitively.</summary>
    WebAccount = 5,

    /// <summary>A handle on a chat network, scoped by the network's name, such as <c>whatsapp</c>; compared case-insensitively.</summary>
    ChatHandle = 6,

    /// <summary>An identifier in one of the host's systems, scoped by the system's name, such as <c>crm</c>; compared case-sensitively.</summary>
    ExternalId = 7,
}
