using CustomerCare.Core;

namespace CustomerCare.Sop;

/// <summary>A request to start a concern on the procedure for its type.</summary>
/// <remarks>This type is immutable once initialized and thread-safe.</remarks>
public sealed class StartRequest
{
    private static readonly IReadOnlyDictionary<string, string> NoFields = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Initializes a new request.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="concernType">The concern type, such as <c>incident</c>; case is ignored.</param>
    /// <param name="actor">Who starts it.</param>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> or <paramref name="actor"/> is default, or <paramref name="concernType"/> is null or white space.</exception>
    public StartRequest(ConcernId concernId, string concernType, Actor actor)
    {
        ConcernId = Guard.NotDefault(concernId);
        ConcernType = Names.Normalize(Guard.NotNullOrWhiteSpace(concernType));
        Actor = Actor.Require(actor);
    }

    /// <summary>Gets the concern.</summary>
    public ConcernId ConcernId { get; }

    /// <summary>Gets the concern type.</summary>
    public string ConcernType { get; }

    /// <summary>Gets who starts the concern.</summary>
    public Actor Actor { get; }

    /// <summary>Gets the procedure to follow; when null, the procedure that serves <see cref="ConcernType"/>. Either way its latest version applies.</summary>
    public string? ProcedureId { get; init; }

    /// <summary>Gets the initial field values, such as a priority; none by default.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = NoFields;
}
