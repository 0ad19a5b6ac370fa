namespace CustomerCare.Sop;

/// <summary>What an audit entry records.</summary>
public enum AuditKind
{
    /// <summary>The concern started its procedure.</summary>
    Started = 0,

    /// <summary>A trigger moved the concern to another state, or re-entered its state.</summary>
    Transitioned = 1,

    /// <summary>A trigger was handled inside the state, such as a note.</summary>
    Internal = 2,

    /// <summary>A checklist step was completed.</summary>
    StepCompleted = 3,

    /// <summary>The concern moved to another version of its procedure.</summary>
    Migrated = 4,
}
