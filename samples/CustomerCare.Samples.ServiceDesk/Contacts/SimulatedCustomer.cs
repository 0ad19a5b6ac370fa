namespace CustomerCare.Samples.ServiceDesk.Contacts;

/// <summary>A customer of the simulated organization, with the contact points the desk identifies them by.</summary>
/// <param name="Key">The customer's key in the source, stable across contacts.</param>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address, or null when unknown.</param>
/// <param name="Phone">The phone number in E.164 form, or null when unknown.</param>
/// <param name="Language">The customer's language as an ISO 639-1 code, such as <c>en</c>.</param>
internal sealed record SimulatedCustomer(string Key, string Name, string? Email, string? Phone, string Language);
