using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>A concern that the host's concern records show as resolved: the input for proposing a knowledge candidate.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Concern">The concern.</param>
/// <param name="Question">The question as the customer asked it.</param>
/// <param name="Resolution">How it was resolved, in words a first-level agent or a customer can follow.</param>
/// <param name="Intent">The concern's contact reason.</param>
/// <param name="Level">The competence level that resolved it.</param>
/// <param name="ResolvedAt">When it was resolved.</param>
public sealed record ResolvedConcern(ConcernId Concern, string Question, string Resolution, ContactReason Intent, CompetenceLevel Level, Instant ResolvedAt);
