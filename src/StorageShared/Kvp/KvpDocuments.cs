using CustomerCare.Core;
using CustomerCare.Kvp.Effects;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Problems;
using NodaTime;

namespace CustomerCare.Storage.Kvp;

/// <summary>Converts improvement ideas and problem records to their stored documents and back.</summary>
/// <remarks>
/// <para>
/// The domain types have no public way to create an entity in a stored state, so reading rebuilds it through its
/// public API. An idea is submitted again, receives its evidence, target and effect, and its recorded lifecycle steps
/// are fired again, in order, on <see cref="IdeaLifecycle"/>. A problem record is opened again and receives its content
/// step by step. When the domain rejects a step, or the result's state differs from the stored state, the row was
/// changed outside CustomerCare, and reading fails with <see cref="InvalidDataException"/>.
/// </para>
/// <para>
/// NOTE: Rebuilding depends on the lifecycle's current rules. A later change that rejects a step stored under the old
/// rules makes those rows unreadable until they are migrated, and every read pays for the replay.
/// </para>
/// <para>
/// Every instant is truncated to a whole microsecond, the precision of PostgreSQL's <c>timestamptz</c>, so every store
/// returns the same values.
/// </para>
/// </remarks>
internal static class KvpDocuments
{
    private const long TicksPerMicrosecond = 10;

    private static readonly IdeaLifecycle Lifecycle = new();

    /// <summary>Returns <paramref name="instant"/> truncated to a whole microsecond, towards the past.</summary>
    public static Instant ToMicroseconds(Instant instant)
    {
        var ticks = instant.ToUnixTimeTicks();
        var remainder = ticks % TicksPerMicrosecond;
        return Instant.FromUnixTimeTicks(ticks - (remainder < 0 ? remainder + TicksPerMicrosecond : remainder));
    }

    /// <summary>Returns <paramref name="idea"/> as a store returns it at <paramref name="version"/>: instants in whole microseconds.</summary>
    public static ImprovementIdea Stored(ImprovementIdea idea, long version) =>
        ToIdea(idea.Id, ToMicroseconds(idea.SubmittedAt), idea.State, version, ToDocument(idea));

    /// <summary>Returns <paramref name="problem"/> as a store returns it at <paramref name="version"/>: instants in whole microseconds.</summary>
    public static ProblemRecord Stored(ProblemRecord problem, long version) =>
        ToProblem(problem.Id, ToMicroseconds(problem.OpenedAt), problem.State, version, ToDocument(problem));

    public static IdeaDocument ToDocument(ImprovementIdea idea) => new()
    {
        Title = idea.Title,
        Description = idea.Description,
        Submitter = idea.Submitter,
        Evidence = [.. idea.Evidence.Select(e => new EvidenceDocument(e.Kind, e.Reference))],
        Feedback = [.. idea.Feedback.Select(f => new FeedbackDocument(ToMicroseconds(f.At), f.From, f.To, f.Trigger, f.Message))],
        TargetReason = idea.TargetReason?.Code,
        TargetMetric = idea.TargetMetric,
        Effect = idea.Effect is { } effect ? ToDocument(effect) : null,
    };

    public static ProblemDocument ToDocument(ProblemRecord problem) => new()
    {
        Title = problem.Title,
        Origin = problem.Origin,
        Concerns = [.. problem.Concerns.Select(c => c.ToString())],
        Reasons = [.. problem.Reasons.Select(r => r.Code)],
        RootCause = problem.RootCause,
        Workaround = problem.Workaround is { } workaround
            ? new WorkaroundDocument(
                workaround.Text,
                ToMicroseconds(workaround.RecordedAt),
                workaround.Article,
                workaround.PublishedAt is { } published ? ToMicroseconds(published) : null)
            : null,
        Ideas = [.. problem.Ideas.Select(i => i.ToString())],
        Changes = [.. problem.Changes],
        ResolvedAt = problem.ResolvedAt is { } resolved ? ToMicroseconds(resolved) : null,
    };

    /// <summary>Rebuilds a stored idea from its key columns and its document.</summary>
    /// <exception cref="InvalidDataException">The document does not describe a valid idea in <paramref name="state"/>.</exception>
    public static ImprovementIdea ToIdea(IdeaId id, Instant submittedAt, IdeaState state, long version, IdeaDocument document)
    {
        try
        {
            var idea = ImprovementIdea.Submit(id, document.Title, document.Description, document.Submitter, submittedAt);
            foreach (var evidence in document.Evidence)
            {
                idea = idea.WithEvidence(new IdeaEvidence(evidence.Kind, evidence.Reference));
            }

            if (document.TargetReason is { } reason)
            {
                var metric = document.TargetMetric ?? throw Unreadable("improvement idea", id.ToString(), "it has a target reason but no target metric");
                idea = idea.WithTarget(ContactReason.Parse(reason), metric);
            }

            if (document.Effect is { } effect)
            {
                idea = idea.WithEffect(ToMeasurement(effect));
            }

            // The guards of Approve and RecordEffect held when the step ran. Evidence and effect are never removed,
            // so with all of them in place the guards hold again.
            foreach (var step in document.Feedback)
            {
                if (idea.State != step.From)
                {
                    throw Unreadable("improvement idea", id.ToString(), $"a lifecycle step starts in {step.From}, but the idea is in {idea.State} there");
                }

                var result = Lifecycle.Fire(idea, step.Trigger, step.At, step.Message);
                if (!result.Succeeded || result.Idea.State != step.To)
                {
                    throw Unreadable("improvement idea", id.ToString(), $"the step {step.Trigger} from {step.From} to {step.To} is not possible: {result.RejectionReason}");
                }

                idea = result.Idea;
            }

            if (idea.State != state)
            {
                throw Unreadable("improvement idea", id.ToString(), $"its state column is {state}, but its lifecycle steps end in {idea.State}");
            }

            return idea.WithVersion(version);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
        {
            throw Unreadable("improvement idea", id.ToString(), exception.Message, exception);
        }
    }

    /// <summary>Rebuilds a stored problem record from its key columns and its document.</summary>
    /// <exception cref="InvalidDataException">The document does not describe a valid record in <paramref name="state"/>.</exception>
    public static ProblemRecord ToProblem(ProblemId id, Instant openedAt, ProblemState state, long version, ProblemDocument document)
    {
        try
        {
            var problem = ProblemRecord.Open(id, document.Title, document.Origin, openedAt);
            foreach (var concern in document.Concerns)
            {
                problem = problem.WithConcern(ConcernId.Parse(concern));
            }

            foreach (var reason in document.Reasons)
            {
                problem = problem.WithReason(ContactReason.Parse(reason));
            }

            if (document.RootCause is { } rootCause)
            {
                problem = problem.WithRootCause(rootCause);
            }

            if (document.Workaround is { } workaround)
            {
                // Recording a workaround moves an open record to known error, as it did when it was first recorded.
                problem = problem.WithWorkaround(workaround.Text, workaround.RecordedAt);
                if (workaround.Article is { } article)
                {
                    var publishedAt = workaround.PublishedAt ?? throw Unreadable("problem record", id.ToString(), "its workaround has an article but no publication instant");
                    problem = problem.PublishWorkaround(article, publishedAt);
                }
            }

            foreach (var idea in document.Ideas)
            {
                problem = problem.LinkIdea(IdeaId.Parse(idea));
            }

            foreach (var change in document.Changes)
            {
                problem = problem.LinkChange(change);
            }

            if (document.ResolvedAt is { } resolvedAt)
            {
                problem = problem.Resolve(resolvedAt);
            }

            if (state == ProblemState.Closed)
            {
                problem = problem.Close();
            }

            if (problem.State != state)
            {
                throw Unreadable("problem record", id.ToString(), $"its state column is {state}, but its content gives {problem.State}");
            }

            return problem.WithVersion(version);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or InvalidOperationException)
        {
            throw Unreadable("problem record", id.ToString(), exception.Message, exception);
        }
    }

    /// <summary>Returns the exception for a stored row that does not describe a valid entity.</summary>
    public static InvalidDataException Unreadable(string entity, string id, string problem, Exception? inner = null) =>
        new($"The stored {entity} {id} cannot be read because {problem}. The row was changed outside CustomerCare or by a newer version of it; restore the row from a backup or update the package.", inner);

    private static EffectDocument ToDocument(EffectMeasurement effect) => new(
        effect.Metric,
        effect.Before.HasStart ? ToMicroseconds(effect.Before.Start) : null,
        effect.Before.HasEnd ? ToMicroseconds(effect.Before.End) : null,
        effect.After.HasStart ? ToMicroseconds(effect.After.Start) : null,
        effect.After.HasEnd ? ToMicroseconds(effect.After.End) : null,
        effect.BeforeValue,
        effect.AfterValue,
        effect.BeforeCount,
        effect.AfterCount,
        effect.Change,
        effect.Lower,
        effect.Upper,
        effect.Method);

    private static EffectMeasurement ToMeasurement(EffectDocument effect) => new(
        effect.Metric,
        new Interval(effect.BeforeStart, effect.BeforeEnd),
        new Interval(effect.AfterStart, effect.AfterEnd),
        effect.BeforeValue,
        effect.AfterValue,
        effect.BeforeCount,
        effect.AfterCount,
        effect.Change,
        effect.Lower,
        effect.Upper,
        effect.Method);
}
