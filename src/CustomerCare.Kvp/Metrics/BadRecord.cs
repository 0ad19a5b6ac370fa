using CustomerCare.Core;

namespace CustomerCare.Kvp.Metrics;

/// <summary>One bad record: its kind, where it came from and what was done with it.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Kind">Why the record is bad.</param>
/// <param name="RecordType">The record's type: <c>interaction</c>, <c>concern-event</c> or <c>sla-outcome</c>.</param>
/// <param name="Position">The record's position in its source, such as a line number; zero when unknown.</param>
/// <param name="Concern">The concern the record names, or <c>default</c>.</param>
/// <param name="Message">What is wrong and how the record was applied, as a sentence.</param>
public sealed record BadRecord(BadRecordKind Kind, string RecordType, long Position, ConcernId Concern, string Message);
