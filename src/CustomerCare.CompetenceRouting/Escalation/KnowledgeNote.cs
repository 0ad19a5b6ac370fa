using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Escalation;

/// <summary>
/// What an agent learned about a concern before handing it on: a note for the deeper level, and later a candidate
/// for the knowledge base.
/// </summary>
/// <remarks>The text may contain personal data, so it is never logged.</remarks>
/// <param name="At">When the note was written.</param>
/// <param name="Author">The agent who wrote it, or <see langword="null"/> for a note from the system.</param>
/// <param name="Level">The competence level at which the note was written.</param>
/// <param name="Text">The note.</param>
public sealed record KnowledgeNote(Instant At, AgentId? Author, CompetenceLevel Level, string Text);
