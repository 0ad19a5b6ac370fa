namespace CustomerCare.Samples.WebApi;

/// <summary>The body of <c>POST /contacts</c>: one inbound contact as a channel adapter would deliver it.</summary>
/// <param name="Channel">The channel name, such as <c>email</c>, <c>phone</c>, <c>web</c> or <c>chat</c>.</param>
/// <param name="Text">What the customer wrote or said.</param>
/// <param name="Email">The sender's e-mail address; an e-mail address or a phone number is required.</param>
/// <param name="Phone">The caller's phone number in international form, such as <c>+49 30 1234567</c>.</param>
/// <param name="Name">The display name, or null.</param>
/// <param name="Reason">The contact reason when the channel knows it, such as <c>billing/refund</c> from a web form.</param>
/// <param name="ExternalId">The channel's message id; a repeat with the same id is recognized as a duplicate.</param>
/// <param name="Language">The language as an ISO 639-1 code, such as <c>en</c>.</param>
/// <param name="Complexity">How hard the concern looks, 1 to 3; the default is 1.</param>
public sealed record ContactSubmission(
    string Channel,
    string Text,
    string? Email = null,
    string? Phone = null,
    string? Name = null,
    string? Reason = null,
    string? ExternalId = null,
    string? Language = null,
    int Complexity = 1);
