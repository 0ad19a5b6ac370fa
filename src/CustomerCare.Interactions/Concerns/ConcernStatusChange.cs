namespace CustomerCare.Interactions.Concerns;

/// <summary>
/// The result of asking a concern to change its status: the changed snapshot to write, or the reason the change is
/// not allowed. A rejection is an expected outcome, not an error.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ConcernStatusChange
{
    private ConcernStatusChange(Concern concern, string? rejection)
    {
        Concern = concern;
        RejectionReason = rejection;
    }

    /// <summary>Gets the changed snapshot when <see cref="Succeeded"/>, otherwise the unchanged one.</summary>
    public Concern Concern { get; }

    /// <summary>Gets why the change is not allowed, or <see langword="null"/> when it succeeded.</summary>
    public string? RejectionReason { get; }

    /// <summary>Gets a value indicating whether the change is allowed.</summary>
    public bool Succeeded => RejectionReason is null;

    internal static ConcernStatusChange Changed(Concern concern) => new(concern, null);

    internal static ConcernStatusChange Rejected(Concern concern, string reason) => new(concern, reason);
}
