using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.History;

/// <summary>The outcome of one SLA target of one concern, such as "first-response met".</summary>
/// <remarks>
/// <para>
/// The first final outcome (<see cref="SlaOutcome.Met"/> or <see cref="SlaOutcome.Breached"/>) of a target counts.
/// A later, different final outcome for the same concern and target is counted as a bad record, because a breach is
/// final and a met target cannot be breached afterwards.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
/// <param name="Concern">The concern.</param>
/// <param name="Target">The target's name, such as <c>first-response</c> or <c>resolution</c>.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="OccurredAt">When the outcome was reached.</param>
/// <param name="Position">The position of the record in its source, such as a line number; zero when unknown.</param>
public readonly record struct SlaOutcomeRecord(ConcernId Concern, string Target, SlaOutcome Outcome, Instant OccurredAt, long Position = 0);
