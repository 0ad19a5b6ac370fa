using System.Collections.Immutable;
using CustomerCare.Core;
using CustomerCare.Kvp.Effects;
using NodaTime;

namespace CustomerCare.Kvp.Ideas;

/// <summary>An improvement idea with its lifecycle state, evidence, submitter feedback and measured effect.</summary>
/// <remarks>
/// <para>
/// Create an idea with <see cref="Submit"/>, add evidence and a target with the <c>With…</c> methods, and move it through
/// its lifecycle with <see cref="IdeaLifecycle"/>. Every method returns a new idea; the stored version changes only in
/// an <see cref="IIdeaStore"/>.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ImprovementIdea
{
    private ImprovementIdea(IdeaId id, string title, string description, string submitter, Instant submittedAt)
    {
        Id = id;
        Title = title;
        Description = description;
        Submitter = submitter;
        SubmittedAt = submittedAt;
        State = IdeaState.Submitted;
    }

    private ImprovementIdea(ImprovementIdea other)
    {
        Id = other.Id;
        Title = other.Title;
        Description = other.Description;
        Submitter = other.Submitter;
        SubmittedAt = other.SubmittedAt;
        State = other.State;
        Evidence = other.Evidence;
        Feedback = other.Feedback;
        TargetReason = other.TargetReason;
        TargetMetric = other.TargetMetric;
        ImplementedAt = other.ImplementedAt;
        Effect = other.Effect;
        Version = other.Version;
    }

    /// <summary>Gets the identifier.</summary>
    public IdeaId Id { get; }

    /// <summary>Gets the short title.</summary>
    public string Title { get; }

    /// <summary>Gets the description: what should change and why.</summary>
    public string Description { get; }

    /// <summary>Gets who submitted the idea, as an opaque reference such as an agent identifier or <c>signal</c>.</summary>
    public string Submitter { get; }

    /// <summary>Gets when the idea was submitted.</summary>
    public Instant SubmittedAt { get; }

    /// <summary>Gets the lifecycle state.</summary>
    public IdeaState State { get; private init; }

    /// <summary>Gets the evidence, in the order it was added.</summary>
    public ImmutableArray<IdeaEvidence> Evidence { get; private init; } = [];

    /// <summary>Gets the feedback to the submitter, one entry per lifecycle step.</summary>
    public ImmutableArray<IdeaFeedback> Feedback { get; private init; } = [];

    /// <summary>Gets the contact reason the idea targets, or null.</summary>
    public ContactReason? TargetReason { get; private init; }

    /// <summary>Gets the metric the idea should improve, or null.</summary>
    public ImprovementMetric? TargetMetric { get; private init; }

    /// <summary>Gets when the implementation was completed, or null before.</summary>
    public Instant? ImplementedAt { get; private init; }

    /// <summary>Gets the measured effect, or null before the check step.</summary>
    public EffectMeasurement? Effect { get; private init; }

    /// <summary>Gets the stored version: 0 before the first save, then 1, 2, … as the store writes it.</summary>
    public long Version { get; private init; }

    /// <summary>Creates a submitted idea.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="title">The short title.</param>
    /// <param name="description">What should change and why.</param>
    /// <param name="submitter">Who submitted it, as an opaque reference such as an agent identifier.</param>
    /// <param name="submittedAt">When it was submitted.</param>
    /// <returns>The idea in state <see cref="IdeaState.Submitted"/> at version 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>, or a text is null or white space.</exception>
    public static ImprovementIdea Submit(IdeaId id, string title, string description, string submitter, Instant submittedAt) =>
        new(Guard.NotDefault(id), Guard.NotNullOrWhiteSpace(title).Trim(), Guard.NotNullOrWhiteSpace(description).Trim(),
            Guard.NotNullOrWhiteSpace(submitter).Trim(), submittedAt);

    /// <summary>Returns the idea with one more piece of evidence; evidence it already has is not added twice.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <returns>The new idea.</returns>
    /// <exception cref="ArgumentException"><paramref name="evidence"/> is <c>default</c>.</exception>
    public ImprovementIdea WithEvidence(IdeaEvidence evidence)
    {
        Guard.NotDefault(evidence);
        return Evidence.Contains(evidence) ? this : new ImprovementIdea(this) { Evidence = Evidence.Add(evidence) };
    }

    /// <summary>Returns the idea with the contact reason and metric it should improve, for the effect check.</summary>
    /// <param name="reason">The targeted contact reason.</param>
    /// <param name="metric">The targeted metric.</param>
    /// <returns>The new idea.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is <c>default</c>.</exception>
    public ImprovementIdea WithTarget(ContactReason reason, ImprovementMetric metric) =>
        new(this) { TargetReason = Guard.NotDefault(reason), TargetMetric = metric };

    /// <summary>Returns the idea with its measured effect, which <see cref="IdeaTrigger.RecordEffect"/> requires.</summary>
    /// <param name="effect">The measured effect.</param>
    /// <returns>The new idea.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="effect"/> is null.</exception>
    public ImprovementIdea WithEffect(EffectMeasurement effect) => new(this) { Effect = Guard.NotNull(effect) };

    /// <summary>Returns the idea at a stored version; for <see cref="IIdeaStore"/> implementations.</summary>
    /// <param name="version">The version the store wrote, 1 or greater.</param>
    /// <returns>The new idea.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public ImprovementIdea WithVersion(long version)
    {
        if (version < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Stored versions start at 1.");
        }

        return new ImprovementIdea(this) { Version = version };
    }

    internal ImprovementIdea WithTransition(IdeaFeedback feedback) =>
        new(this)
        {
            State = feedback.To,
            Feedback = Feedback.Add(feedback),
            ImplementedAt = feedback.Trigger == IdeaTrigger.CompleteImplementation ? feedback.At : ImplementedAt,
        };
}
