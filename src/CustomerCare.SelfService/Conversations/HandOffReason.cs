namespace CustomerCare.SelfService;

/// <summary>Why self-service passed a concern to a person.</summary>
public enum HandOffReason
{
    /// <summary>No match was confident enough to answer or suggest.</summary>
    LowConfidence = 0,

    /// <summary>The customer asked for a person, by a button or in words.</summary>
    CustomerAskedForPerson = 1,

    /// <summary>The intent is marked sensitive (complaints, cancellations, legal matters, refunds above a limit).</summary>
    SensitiveIntent = 2,

    /// <summary>The customer said the automatic answer did not help.</summary>
    AnswerRejected = 3,

    /// <summary>The customer rephrased the question as often as the policy allows without an accepted answer.</summary>
    RepeatedRephrasing = 4,

    /// <summary>The customer already has an open concern that a person handles.</summary>
    OpenConcernWithPerson = 5,

    /// <summary>A step of an automation failed.</summary>
    AutomationFailed = 6,

    /// <summary>A step of an automation was refused, for example because identity verification did not pass.</summary>
    AutomationRefused = 7,
}
