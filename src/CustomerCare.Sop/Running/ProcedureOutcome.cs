namespace CustomerCare.Sop;

/// <summary>What an operation on a concern did.</summary>
public enum ProcedureOutcome
{
    /// <summary>The change was stored; the result has the new snapshot, the audit entry and the intents.</summary>
    Applied = 0,

    /// <summary>The procedure does not allow the change now; the result says why, and nothing was stored.</summary>
    Rejected = 1,

    /// <summary>The request repeats an earlier one with the same idempotency key; the result has that request's audit entry.</summary>
    Duplicate = 2,

    /// <summary>The request no longer applies, such as a stale timer or a step already done; nothing was stored.</summary>
    Ignored = 3,
}
