using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.Sop;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Storage;

/// <summary>
/// Writes and reads the JSON documents that the SQL storages keep next to the typed columns of a concern and of an
/// audit entry: the parts that no query filters or sorts by.
/// </summary>
/// <remarks>
/// This file is compiled into both storage packages, so they write the same documents. Instants are ISO 8601 text in
/// UTC, truncated to the microsecond like every other stored instant. The default encoder escapes control
/// characters, NUL included, so the text also fits a PostgreSQL <c>json</c> column.
/// </remarks>
internal static class SopDocuments
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>Returns the document of a snapshot's fields, closed steps and approvals. Its timers are rows of their own.</summary>
    public static string WriteSnapshot(ConcernSnapshot snapshot)
    {
        var document = new SnapshotDocument
        {
            Fields = snapshot.Fields.Count == 0 ? null : new Dictionary<string, string>(snapshot.Fields, StringComparer.Ordinal),
            Steps = snapshot.Steps.Count == 0 ? null : [.. snapshot.Steps.Select(s => new StepDocument { Step = s.StepId, Status = s.Status, Actor = s.Actor.Id, At = s.At })],
            Approvals = snapshot.Approvals.Count == 0
                ? null
                : [.. snapshot.Approvals.Select(a => new ApprovalDocument { Gate = a.Gate, Decision = a.Decision, Approver = a.Approver.Id, At = a.At, Version = a.Version })],
        };
        return JsonSerializer.Serialize(document, SopJsonContext.Default.SnapshotDocument);
    }

    /// <summary>Reads a document that <see cref="WriteSnapshot"/> wrote.</summary>
    /// <exception cref="JsonException">The text is not such a document.</exception>
    public static SnapshotParts ReadSnapshot(string json)
    {
        var document = JsonSerializer.Deserialize(json, SopJsonContext.Default.SnapshotDocument)
            ?? throw new JsonException("The snapshot document is the JSON literal null.");
        return new SnapshotParts(
            document.Fields,
            document.Steps?.Select(s => new StepRecord(s.Step, s.Status, new Actor(s.Actor), s.At)).ToArray(),
            document.Approvals?.Select(a => new ApprovalRecord(a.Gate, a.Decision, new Actor(a.Approver), a.At, a.Version)).ToArray());
    }

    /// <summary>Returns the document of an audit entry's reason, arguments and overridden steps, or null when it has none.</summary>
    public static string? WriteAudit(AuditEntry entry)
    {
        if (entry.Reason is null && entry.Arguments.Count == 0 && entry.OverriddenSteps.Count == 0)
        {
            return null;
        }

        var document = new AuditDocument
        {
            Reason = entry.Reason,
            Arguments = entry.Arguments.Count == 0 ? null : new Dictionary<string, string>(entry.Arguments, StringComparer.Ordinal),
            OverriddenSteps = entry.OverriddenSteps.Count == 0 ? null : [.. entry.OverriddenSteps],
        };
        return JsonSerializer.Serialize(document, SopJsonContext.Default.AuditDocument);
    }

    /// <summary>Reads a document that <see cref="WriteAudit"/> wrote. Null reads as an entry without those parts.</summary>
    /// <exception cref="JsonException">The text is not such a document.</exception>
    public static AuditParts ReadAudit(string? json)
    {
        if (json is null)
        {
            return default;
        }

        var document = JsonSerializer.Deserialize(json, SopJsonContext.Default.AuditDocument)
            ?? throw new JsonException("The audit document is the JSON literal null.");
        return new AuditParts(document.Reason, document.Arguments, document.OverriddenSteps);
    }

    /// <summary>Returns <paramref name="instant"/> truncated to a whole microsecond, towards the past.</summary>
    public static Instant ToMicroseconds(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var remainder = ticks % TicksPerMicrosecond;
        return Instant.FromUnixTimeTicks(ticks - (remainder < 0 ? remainder + TicksPerMicrosecond : remainder));
    }

    /// <summary>The parts of a snapshot that its document holds.</summary>
    internal readonly record struct SnapshotParts(IReadOnlyDictionary<string, string>? Fields, StepRecord[]? Steps, ApprovalRecord[]? Approvals);

    /// <summary>The parts of an audit entry that its document holds.</summary>
    internal readonly record struct AuditParts(string? Reason, IReadOnlyDictionary<string, string>? Arguments, IReadOnlyList<string>? OverriddenSteps);

    internal sealed class SnapshotDocument
    {
        public Dictionary<string, string>? Fields { get; init; }

        public StepDocument[]? Steps { get; init; }

        public ApprovalDocument[]? Approvals { get; init; }
    }

    internal sealed class StepDocument
    {
        public required string Step { get; init; }

        public required StepStatus Status { get; init; }

        public required string Actor { get; init; }

        public required Instant At { get; init; }
    }

    internal sealed class ApprovalDocument
    {
        public required string Gate { get; init; }

        public required ApprovalDecision Decision { get; init; }

        public required string Approver { get; init; }

        public required Instant At { get; init; }

        public required long Version { get; init; }
    }

    internal sealed class AuditDocument
    {
        public string? Reason { get; init; }

        public Dictionary<string, string>? Arguments { get; init; }

        public string[]? OverriddenSteps { get; init; }
    }

    /// <summary>Writes instants as ISO 8601 text in UTC, truncated to the microsecond, such as <c>2026-01-05T09:00:00.123456Z</c>.</summary>
    internal sealed class InstantConverter : JsonConverter<Instant>
    {
        public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            var result = InstantPattern.ExtendedIso.Parse(text ?? string.Empty);
            return result.Success ? result.Value : throw new JsonException($"'{text}' is not an ISO 8601 instant in UTC.", result.Exception);
        }

        public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
            writer.WriteStringValue(InstantPattern.ExtendedIso.Format(ToMicroseconds(value)));
    }
}

/// <summary>The source-generated serializers of <see cref="SopDocuments"/>, so the storages need no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(SopDocuments.InstantConverter)])]
[JsonSerializable(typeof(SopDocuments.SnapshotDocument))]
[JsonSerializable(typeof(SopDocuments.AuditDocument))]
internal sealed partial class SopJsonContext : JsonSerializerContext;
