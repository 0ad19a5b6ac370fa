using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Interactions.Concerns;

/// <summary>A link from one concern to another, with its kind and when it was made.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Kind">How the concerns relate.</param>
/// <param name="Target">The other concern.</param>
/// <param name="At">When the link was made.</param>
public readonly record struct ConcernLink(ConcernLinkKind Kind, ConcernId Target, Instant At);
