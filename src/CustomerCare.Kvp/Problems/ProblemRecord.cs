using System.Collections.Immutable;
using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using NodaTime;

namespace CustomerCare.Kvp.Problems;

/// <summary>
/// A problem record of ITIL problem management: groups concerns with a common cause, carries the known-error workaround
/// and links to the idea or change that removes the cause.
/// </summary>
/// <remarks>
/// <para>
/// Open a record with <see cref="Open"/>, group concerns with <see cref="WithConcern"/>, record the workaround with
/// <see cref="WithWorkaround"/> (which makes it a known error), publish it with <see cref="PublishWorkaround"/> once the
/// knowledge base holds it, and resolve it with <see cref="Resolve"/> once a linked idea or change removed the cause.
/// Every method returns a new record; the stored version changes only in an <see cref="IProblemStore"/>.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class ProblemRecord
{
    private ProblemRecord(ProblemId id, string title, ProblemOrigin origin, Instant openedAt)
    {
        Id = id;
        Title = title;
        Origin = origin;
        OpenedAt = openedAt;
        State = ProblemState.Open;
    }

    private ProblemRecord(ProblemRecord other)
    {
        Id = other.Id;
        Title = other.Title;
        Origin = other.Origin;
        OpenedAt = other.OpenedAt;
        State = other.State;
        Concerns = other.Concerns;
        Reasons = other.Reasons;
        RootCause = other.RootCause;
        Workaround = other.Workaround;
        Ideas = other.Ideas;
        Changes = other.Changes;
        ResolvedAt = other.ResolvedAt;
        Version = other.Version;
    }

    /// <summary>Gets the identifier.</summary>
    public ProblemId Id { get; }

    /// <summary>Gets the short title.</summary>
    public string Title { get; }

    /// <summary>Gets who or what opened the record.</summary>
    public ProblemOrigin Origin { get; }

    /// <summary>Gets when the record was opened.</summary>
    public Instant OpenedAt { get; }

    /// <summary>Gets the state.</summary>
    public ProblemState State { get; private init; }

    /// <summary>Gets the concerns with this common cause, in the order they were added.</summary>
    public ImmutableArray<ConcernId> Concerns { get; private init; } = [];

    /// <summary>Gets the contact reasons the problem shows up under.</summary>
    public ImmutableArray<ContactReason> Reasons { get; private init; } = [];

    /// <summary>Gets the root cause once found, or null.</summary>
    public string? RootCause { get; private init; }

    /// <summary>Gets the known-error workaround, or null.</summary>
    public KnownErrorWorkaround? Workaround { get; private init; }

    /// <summary>Gets the improvement ideas that remove the cause.</summary>
    public ImmutableArray<IdeaId> Ideas { get; private init; } = [];

    /// <summary>Gets the references of changes that remove the cause, such as a change request number.</summary>
    public ImmutableArray<string> Changes { get; private init; } = [];

    /// <summary>Gets when the cause was removed, or null.</summary>
    public Instant? ResolvedAt { get; private init; }

    /// <summary>Gets the stored version: 0 before the first save, then 1, 2, … as the store writes it.</summary>
    public long Version { get; private init; }

    /// <summary>Opens a problem record.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="title">The short title.</param>
    /// <param name="origin">Who or what opened it.</param>
    /// <param name="openedAt">When it was opened.</param>
    /// <returns>The record in state <see cref="ProblemState.Open"/> at version 0.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is <c>default</c>, or <paramref name="title"/> is null or white space.</exception>
    public static ProblemRecord Open(ProblemId id, string title, ProblemOrigin origin, Instant openedAt) =>
        new(Guard.NotDefault(id), Guard.NotNullOrWhiteSpace(title).Trim(), origin, openedAt);

    /// <summary>Returns the record with one more concern; a concern it already groups is not added twice.</summary>
    /// <param name="concern">The concern.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentException"><paramref name="concern"/> is <c>default</c>.</exception>
    /// <exception cref="InvalidOperationException">The record is closed.</exception>
    public ProblemRecord WithConcern(ConcernId concern)
    {
        Guard.NotDefault(concern);
        RequireNotClosed();
        return Concerns.Contains(concern) ? this : new ProblemRecord(this) { Concerns = Concerns.Add(concern) };
    }

    /// <summary>Returns the record with one more contact reason; a reason it already has is not added twice.</summary>
    /// <param name="reason">The reason.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is <c>default</c>.</exception>
    /// <exception cref="InvalidOperationException">The record is closed.</exception>
    public ProblemRecord WithReason(ContactReason reason)
    {
        Guard.NotDefault(reason);
        RequireNotClosed();
        return Reasons.Contains(reason) ? this : new ProblemRecord(this) { Reasons = Reasons.Add(reason) };
    }

    /// <summary>Returns the record with its root cause.</summary>
    /// <param name="rootCause">The root cause.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentException"><paramref name="rootCause"/> is null or white space.</exception>
    /// <exception cref="InvalidOperationException">The record is closed.</exception>
    public ProblemRecord WithRootCause(string rootCause)
    {
        Guard.NotNullOrWhiteSpace(rootCause);
        RequireNotClosed();
        return new ProblemRecord(this) { RootCause = rootCause.Trim() };
    }

    /// <summary>Returns the record with a known-error workaround; an open record becomes a known error.</summary>
    /// <param name="text">The workaround.</param>
    /// <param name="at">When it was recorded.</param>
    /// <returns>The new record. A replaced workaround is unpublished until published again.</returns>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or white space.</exception>
    /// <exception cref="InvalidOperationException">The record is closed.</exception>
    public ProblemRecord WithWorkaround(string text, Instant at)
    {
        Guard.NotNullOrWhiteSpace(text);
        RequireNotClosed();
        return new ProblemRecord(this)
        {
            Workaround = new KnownErrorWorkaround(text.Trim(), at),
            State = State == ProblemState.Open ? ProblemState.KnownError : State,
        };
    }

    /// <summary>Returns the record with its workaround published as a knowledge article.</summary>
    /// <param name="article">The reference of the knowledge article, as the knowledge base names it.</param>
    /// <param name="at">When it was published.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentException"><paramref name="article"/> is null or white space.</exception>
    /// <exception cref="InvalidOperationException">The record has no workaround yet; record one with <see cref="WithWorkaround"/> first.</exception>
    public ProblemRecord PublishWorkaround(string article, Instant at)
    {
        Guard.NotNullOrWhiteSpace(article);
        if (Workaround is null)
        {
            throw new InvalidOperationException($"Problem {Id} has no workaround to publish. Record one with WithWorkaround first.");
        }

        return new ProblemRecord(this) { Workaround = Workaround with { Article = article.Trim(), PublishedAt = at } };
    }

    /// <summary>Returns the record linked to an improvement idea that removes the cause.</summary>
    /// <param name="idea">The idea.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentException"><paramref name="idea"/> is <c>default</c>.</exception>
    public ProblemRecord LinkIdea(IdeaId idea)
    {
        Guard.NotDefault(idea);
        return Ideas.Contains(idea) ? this : new ProblemRecord(this) { Ideas = Ideas.Add(idea) };
    }

    /// <summary>Returns the record linked to a change that removes the cause.</summary>
    /// <param name="change">The change reference, such as a change request number.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentException"><paramref name="change"/> is null or white space.</exception>
    public ProblemRecord LinkChange(string change)
    {
        var trimmed = Guard.NotNullOrWhiteSpace(change).Trim();
        return Changes.Contains(trimmed) ? this : new ProblemRecord(this) { Changes = Changes.Add(trimmed) };
    }

    /// <summary>Returns the record resolved: the cause was removed.</summary>
    /// <param name="at">When the cause was removed.</param>
    /// <returns>The new record in state <see cref="ProblemState.Resolved"/>.</returns>
    /// <exception cref="InvalidOperationException">The record is closed, or no idea or change is linked; link the one that removed the cause first.</exception>
    public ProblemRecord Resolve(Instant at)
    {
        RequireNotClosed();
        if (Ideas.IsEmpty && Changes.IsEmpty)
        {
            throw new InvalidOperationException($"Problem {Id} has no linked idea or change that removes its cause. Call LinkIdea or LinkChange first.");
        }

        return new ProblemRecord(this) { State = ProblemState.Resolved, ResolvedAt = at };
    }

    /// <summary>Returns the record closed.</summary>
    /// <returns>The new record in state <see cref="ProblemState.Closed"/>.</returns>
    public ProblemRecord Close() => new(this) { State = ProblemState.Closed };

    /// <summary>Returns the record at a stored version; for <see cref="IProblemStore"/> implementations.</summary>
    /// <param name="version">The version the store wrote, 1 or greater.</param>
    /// <returns>The new record.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public ProblemRecord WithVersion(long version)
    {
        if (version < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Stored versions start at 1.");
        }

        return new ProblemRecord(this) { Version = version };
    }

    private void RequireNotClosed()
    {
        if (State == ProblemState.Closed)
        {
            throw new InvalidOperationException($"Problem {Id} is closed and cannot change. Open a new problem record instead.");
        }
    }
}
