using NodaTime;

namespace CustomerCare.Kvp.Problems;

/// <summary>The workaround of a known error and, once published, the knowledge article that carries it.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Text">The workaround, as the first level or self-service can apply it.</param>
/// <param name="RecordedAt">When the workaround was recorded.</param>
/// <param name="Article">The reference of the knowledge article it was published as, or null while unpublished.</param>
/// <param name="PublishedAt">When it was published, or null while unpublished.</param>
public sealed record KnownErrorWorkaround(string Text, Instant RecordedAt, string? Article = null, Instant? PublishedAt = null)
{
    /// <summary>Gets a value indicating whether the workaround was published to the knowledge base.</summary>
    public bool IsPublished => Article is not null;
}
