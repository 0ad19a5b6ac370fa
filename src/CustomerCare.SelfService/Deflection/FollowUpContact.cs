using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>A contact of a customer after a self-service answer, as the host's interaction records show it.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Customer">The customer.</param>
/// <param name="At">When the contact arrived.</param>
/// <param name="Intent">Its contact reason, or <see langword="null"/> when not classified yet.</param>
/// <param name="Concern">The concern it was threaded into, or <see langword="null"/>.</param>
public sealed record FollowUpContact(CustomerId Customer, Instant At, ContactReason? Intent = null, ConcernId? Concern = null);
