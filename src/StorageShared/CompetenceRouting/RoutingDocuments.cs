using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Escalation;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Storage;

/// <summary>
/// Splits agents and queue entries into the typed columns that the SQL storages filter, sort and lock by, plus a JSON
/// document with the rest, and rebuilds them from those parts.
/// </summary>
/// <remarks>
/// <para>
/// This file is compiled into both storage packages, so they write the same documents. Every instant, in a column or
/// in a document, is truncated to a whole microsecond towards the past, the precision of PostgreSQL's
/// <c>timestamptz</c>. A store returns what it stored by passing the written parts through the same rebuild, so a
/// caller sees the truncated values at once and not only on the next read.
/// </para>
/// <para>
/// A row that was changed outside CustomerCare and that the domain types reject reads as
/// <see cref="InvalidDataException"/>, which names the row's identifier.
/// </para>
/// </remarks>
internal static class RoutingDocuments
{
    /// <summary>Returns the columns of an agent, with <paramref name="version"/> in place of its own version.</summary>
    public static AgentColumns ToColumns(Agent agent, long version)
    {
        var document = new AgentDocument
        {
            Levels = [.. agent.Levels.Select(l => new LevelDocument { Rank = l.Rank, Name = l.Name })],
            Skills = agent.Skills.Count == 0 ? null : [.. agent.Skills.Select(s => new SkillDocument { Skill = s.Skill.Name, Level = s.Level })],
            Languages = agent.Languages.Count == 0 ? null : [.. agent.Languages.Select(l => l.Tag)],
            Costs = agent.Capacity.Costs.Count == 0
                ? null
                : [.. agent.Capacity.Costs.Select(c => new CostDocument { Channel = c.Key.Name, Cost = c.Value })],
        };
        var assignments = agent.Assignments
            .Select(a => a with { Since = SopDocuments.ToMicroseconds(a.Since) })
            .ToArray();
        return new AgentColumns(
            agent.Id,
            version,
            agent.Presence,
            agent.Capacity.Units,
            agent.Load,
            SopDocuments.ToMicroseconds(agent.IdleSince),
            JsonSerializer.Serialize(document, RoutingJsonContext.Default.AgentDocument),
            assignments);
    }

    /// <summary>Rebuilds an agent from its columns and its assignments in the order they were made.</summary>
    /// <exception cref="InvalidDataException">The parts do not describe a valid agent.</exception>
    public static Agent ReadAgent(AgentColumns columns)
    {
        try
        {
            var document = JsonSerializer.Deserialize(columns.Document, RoutingJsonContext.Default.AgentDocument)
                ?? throw new JsonException("The agent document is the JSON literal null.");
            return new Agent
            {
                Id = columns.Id,
                Levels = [.. document.Levels.Select(l => new CompetenceLevel(l.Rank, l.Name))],
                Skills = [.. (document.Skills ?? []).Select(s => new SkillProficiency(Skill.Parse(s.Skill), s.Level))],
                Languages = [.. (document.Languages ?? []).Select(Language.Parse)],
                Capacity = new AgentCapacity(
                    columns.CapacityUnits,
                    (document.Costs ?? []).Select(c => new KeyValuePair<Channel, int>(Channel.Parse(c.Channel), c.Cost))),
                Presence = columns.Presence,
                Assignments = columns.Assignments,
                IdleSince = columns.IdleSince,
                Version = columns.Version,
            };
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException)
        {
            throw Unreadable("agent", columns.Id.ToString(), exception);
        }
    }

    /// <summary>Returns the agent as a store keeps it: instants truncated and <paramref name="version"/> set.</summary>
    public static Agent Stored(Agent agent, long version) => ReadAgent(ToColumns(agent, version));

    /// <summary>Returns the columns of a queue entry, with <paramref name="version"/> in place of its own version.</summary>
    public static QueueEntryColumns ToColumns(QueueEntry entry, long version)
    {
        var concern = entry.Concern;
        var classification = entry.Classification;
        var document = new EntryDocument
        {
            Concern = new ConcernDocument
            {
                Channel = concern.Channel.Name,
                Reason = concern.Reason.Code,
                Complexity = concern.Complexity,
                Tier = concern.Tier.Name,
                Language = concern.Language?.Tag,
                Priority = concern.Priority.Level,
                EnqueuedAt = concern.EnqueuedAt,
                PreferredAgent = concern.PreferredAgent?.ToString(),
                SlaDueAt = concern.SlaDueAt,
            },
            Classification = new ClassificationDocument
            {
                Rule = classification.Rule,
                RuleIndex = classification.RuleIndex,
                MatchedCondition = classification.MatchedCondition,
                EntryLevel = new LevelDocument { Rank = classification.EntryLevel.Rank, Name = classification.EntryLevel.Name },
                Skills = classification.Skills.Count == 0
                    ? null
                    : [.. classification.Skills.Select(s => new SkillDocument { Skill = s.Skill.Name, Level = s.MinimumProficiency })],
                Ladder = classification.Ladder,
                Priority = classification.Priority.Level,
            },
            Rejections = entry.Rejections.Count == 0
                ? null
                : [.. entry.Rejections.Select(r => new RejectionDocument { Agent = r.Agent.ToString(), At = r.At })],
            Escalations = entry.Escalations.Count == 0 ? null : [.. entry.Escalations.Select(ToDocument)],
            Notes = entry.Notes.Count == 0
                ? null
                : [.. entry.Notes.Select(n => new NoteDocument { At = n.At, Author = n.Author?.ToString(), Level = ToDocument(n.Level), Text = n.Text })],
            AppliedOverflowRules = entry.AppliedOverflowRules.Count == 0 ? null : [.. entry.AppliedOverflowRules],
            SlaRiskEscalated = entry.SlaRiskEscalated,
        };

        return new QueueEntryColumns(
            entry.ConcernId,
            version,
            entry.Status,
            entry.Ladder,
            entry.StepIndex,
            SopDocuments.ToMicroseconds(entry.StepEnteredAt),
            Truncate(entry.StepDeadline),
            entry.Priority.Level,
            entry.Offer?.Agent,
            Truncate(entry.Offer?.OfferedAt),
            Truncate(entry.Offer?.ExpiresAt),
            entry.AssignedAgent,
            Truncate(entry.AssignedAt),
            Truncate(entry.ExhaustedAt),
            entry.OfferCount,
            JsonSerializer.Serialize(document, RoutingJsonContext.Default.EntryDocument));
    }

    /// <summary>Rebuilds a queue entry from its columns.</summary>
    /// <exception cref="InvalidDataException">The columns do not describe a valid entry.</exception>
    public static QueueEntry ReadEntry(QueueEntryColumns columns)
    {
        try
        {
            var document = JsonSerializer.Deserialize(columns.Document, RoutingJsonContext.Default.EntryDocument)
                ?? throw new JsonException("The queue entry document is the JSON literal null.");
            var concern = document.Concern;
            var classification = document.Classification;
            Offer? offer = columns.OfferAgent is { } agent
                ? new Offer(agent, columns.OfferedAt ?? throw Missing("offered_at"), columns.OfferExpiresAt ?? throw Missing("offer_expires_at"))
                : null;
            return new QueueEntry
            {
                Concern = new RoutableConcern
                {
                    Id = columns.ConcernId,
                    Channel = Channel.Parse(concern.Channel),
                    Reason = ContactReason.Parse(concern.Reason),
                    Complexity = concern.Complexity,
                    Tier = ServiceTier.Parse(concern.Tier),
                    Language = concern.Language is null ? null : Language.Parse(concern.Language),
                    Priority = new Priority(concern.Priority),
                    EnqueuedAt = concern.EnqueuedAt,
                    PreferredAgent = concern.PreferredAgent is null ? null : AgentId.Parse(concern.PreferredAgent),
                    SlaDueAt = concern.SlaDueAt,
                },
                Classification = new ConcernClassification
                {
                    Rule = classification.Rule,
                    RuleIndex = classification.RuleIndex,
                    MatchedCondition = classification.MatchedCondition,
                    EntryLevel = FromDocument(classification.EntryLevel),
                    Skills = [.. (classification.Skills ?? []).Select(s => new SkillRequirement(Skill.Parse(s.Skill), s.Level))],
                    Ladder = classification.Ladder,
                    Priority = new Priority(classification.Priority),
                },
                Ladder = columns.Ladder,
                StepIndex = columns.StepIndex,
                StepEnteredAt = columns.StepEnteredAt,
                StepDeadline = columns.StepDeadline,
                Priority = new Priority(columns.Priority),
                Status = Enum.IsDefined(columns.Status)
                    ? columns.Status
                    : throw new FormatException($"The status column holds {(int)columns.Status}, which is no QueueEntryStatus."),
                Offer = offer,
                AssignedAgent = columns.AssignedAgent,
                AssignedAt = columns.AssignedAt,
                Rejections = [.. (document.Rejections ?? []).Select(r => new Rejection(AgentId.Parse(r.Agent), r.At))],
                Escalations = [.. (document.Escalations ?? []).Select(e => FromDocument(columns.ConcernId, e))],
                Notes = [.. (document.Notes ?? []).Select(n => new KnowledgeNote(n.At, n.Author is null ? null : AgentId.Parse(n.Author), FromDocument(n.Level), n.Text))],
                AppliedOverflowRules = document.AppliedOverflowRules ?? [],
                SlaRiskEscalated = document.SlaRiskEscalated,
                ExhaustedAt = columns.ExhaustedAt,
                OfferCount = columns.OfferCount,
                Version = columns.Version,
            };
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException)
        {
            throw Unreadable("queue entry", columns.ConcernId.ToString(), exception);
        }
    }

    /// <summary>Returns the entry as a store keeps it: instants truncated and <paramref name="version"/> set.</summary>
    public static QueueEntry Stored(QueueEntry entry, long version) => ReadEntry(ToColumns(entry, version));

    private static Instant? Truncate(Instant? instant) => instant is { } value ? SopDocuments.ToMicroseconds(value) : null;

    private static LevelDocument ToDocument(CompetenceLevel level) => new() { Rank = level.Rank, Name = level.Name };

    private static CompetenceLevel FromDocument(LevelDocument level) => new(level.Rank, level.Name);

    private static EscalationDocument ToDocument(EscalationRecord record) => new()
    {
        At = record.At,
        Kind = record.Kind,
        Reason = record.Reason,
        FromLadder = record.FromLadder,
        FromStep = record.FromStep,
        FromLevel = ToDocument(record.FromLevel),
        ToLadder = record.ToLadder,
        ToStep = record.ToStep,
        ToLevel = record.ToLevel is { } level ? ToDocument(level) : null,
        RequestedBy = record.RequestedBy?.ToString(),
        Note = record.Note,
    };

    // The record's concern is the entry's own, so the document does not repeat it.
    private static EscalationRecord FromDocument(ConcernId concernId, EscalationDocument document) => new()
    {
        ConcernId = concernId,
        At = document.At,
        Kind = document.Kind,
        Reason = document.Reason,
        FromLadder = document.FromLadder,
        FromStep = document.FromStep,
        FromLevel = FromDocument(document.FromLevel),
        ToLadder = document.ToLadder,
        ToStep = document.ToStep,
        ToLevel = document.ToLevel is null ? null : FromDocument(document.ToLevel),
        RequestedBy = document.RequestedBy is null ? null : AgentId.Parse(document.RequestedBy),
        Note = document.Note,
    };

    private static FormatException Missing(string column) =>
        new($"The row has an offered agent but no {column}. An offer needs both instants.");

    private static InvalidDataException Unreadable(string kind, string id, Exception exception) =>
        new($"The stored {kind} {id} cannot be read: {exception.Message} Fix or delete the row; it was changed outside CustomerCare.", exception);

    /// <summary>The typed columns of an agent row, its document and its assignments in the order they were made.</summary>
    internal readonly record struct AgentColumns(
        AgentId Id,
        long Version,
        Presence Presence,
        int CapacityUnits,
        int Load,
        Instant IdleSince,
        string Document,
        IReadOnlyList<AgentAssignment> Assignments);

    /// <summary>The typed columns of a queue entry row and its document.</summary>
    internal readonly record struct QueueEntryColumns(
        ConcernId ConcernId,
        long Version,
        QueueEntryStatus Status,
        string Ladder,
        int StepIndex,
        Instant StepEnteredAt,
        Instant? StepDeadline,
        int Priority,
        AgentId? OfferAgent,
        Instant? OfferedAt,
        Instant? OfferExpiresAt,
        AgentId? AssignedAgent,
        Instant? AssignedAt,
        Instant? ExhaustedAt,
        int OfferCount,
        string Document);

    internal sealed class AgentDocument
    {
        public required LevelDocument[] Levels { get; init; }

        public SkillDocument[]? Skills { get; init; }

        public string[]? Languages { get; init; }

        public CostDocument[]? Costs { get; init; }
    }

    internal sealed class LevelDocument
    {
        public required int Rank { get; init; }

        public required string Name { get; init; }
    }

    internal sealed class SkillDocument
    {
        public required string Skill { get; init; }

        public required int Level { get; init; }
    }

    internal sealed class CostDocument
    {
        public required string Channel { get; init; }

        public required int Cost { get; init; }
    }

    internal sealed class EntryDocument
    {
        public required ConcernDocument Concern { get; init; }

        public required ClassificationDocument Classification { get; init; }

        public RejectionDocument[]? Rejections { get; init; }

        public EscalationDocument[]? Escalations { get; init; }

        public NoteDocument[]? Notes { get; init; }

        public string[]? AppliedOverflowRules { get; init; }

        public bool SlaRiskEscalated { get; init; }
    }

    internal sealed class ConcernDocument
    {
        public required string Channel { get; init; }

        public required string Reason { get; init; }

        public required int Complexity { get; init; }

        public required string Tier { get; init; }

        public string? Language { get; init; }

        public required int Priority { get; init; }

        public required Instant EnqueuedAt { get; init; }

        public string? PreferredAgent { get; init; }

        public Instant? SlaDueAt { get; init; }
    }

    internal sealed class ClassificationDocument
    {
        public required string Rule { get; init; }

        public required int RuleIndex { get; init; }

        public required string MatchedCondition { get; init; }

        public required LevelDocument EntryLevel { get; init; }

        public SkillDocument[]? Skills { get; init; }

        public required string Ladder { get; init; }

        public required int Priority { get; init; }
    }

    internal sealed class RejectionDocument
    {
        public required string Agent { get; init; }

        public required Instant At { get; init; }
    }

    internal sealed class EscalationDocument
    {
        public required Instant At { get; init; }

        public required EscalationKind Kind { get; init; }

        public required EscalationReason Reason { get; init; }

        public required string FromLadder { get; init; }

        public required int FromStep { get; init; }

        public required LevelDocument FromLevel { get; init; }

        public required string ToLadder { get; init; }

        public int? ToStep { get; init; }

        public LevelDocument? ToLevel { get; init; }

        public string? RequestedBy { get; init; }

        public string? Note { get; init; }
    }

    internal sealed class NoteDocument
    {
        public required Instant At { get; init; }

        public string? Author { get; init; }

        public required LevelDocument Level { get; init; }

        public required string Text { get; init; }
    }
}

/// <summary>The source-generated serializers of <see cref="RoutingDocuments"/>, so the storages need no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(SopDocuments.InstantConverter)])]
[JsonSerializable(typeof(RoutingDocuments.AgentDocument))]
[JsonSerializable(typeof(RoutingDocuments.EntryDocument))]
internal sealed partial class RoutingJsonContext : JsonSerializerContext;
