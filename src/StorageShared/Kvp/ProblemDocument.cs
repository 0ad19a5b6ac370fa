using CustomerCare.Kvp.Problems;
using NodaTime;

namespace CustomerCare.Storage.Kvp;

/// <summary>
/// The stored form of a problem record beside its key columns (identifier, version, state, opening instant): title,
/// grouped concerns, reasons, root cause, workaround and links.
/// </summary>
/// <remarks>The storage adapters write it as JSON. Instants in it are whole microseconds, like the key columns.</remarks>
internal sealed class ProblemDocument
{
    public required string Title { get; init; }

    public required ProblemOrigin Origin { get; init; }

    /// <summary>Gets the grouped concerns in the order they were added, in their printed form (<c>con_…</c>).</summary>
    public required string[] Concerns { get; init; }

    /// <summary>Gets the contact reason codes, such as <c>billing/refund</c>.</summary>
    public required string[] Reasons { get; init; }

    public string? RootCause { get; init; }

    public WorkaroundDocument? Workaround { get; init; }

    /// <summary>Gets the linked ideas in their printed form (<c>ide_…</c>).</summary>
    public required string[] Ideas { get; init; }

    public required string[] Changes { get; init; }

    public Instant? ResolvedAt { get; init; }
}

/// <summary>The known-error workaround of a stored problem record.</summary>
internal sealed record WorkaroundDocument(string Text, Instant RecordedAt, string? Article, Instant? PublishedAt);
