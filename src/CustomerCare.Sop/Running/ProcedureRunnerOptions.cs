namespace CustomerCare.Sop;

/// <summary>Settings of a <see cref="ProcedureRunner"/>.</summary>
public sealed class ProcedureRunnerOptions
{
    /// <summary>
    /// Gets or sets how often an operation is retried on a fresh snapshot after another host instance wrote the concern
    /// first. Default 3; 0 passes the first <see cref="Core.ConcurrencyConflictException"/> to the caller.
    /// </summary>
    /// <remarks>A retry evaluates the request again on the new state, so it may then be rejected.</remarks>
    public int ConflictRetries { get; set; } = 3;
}
