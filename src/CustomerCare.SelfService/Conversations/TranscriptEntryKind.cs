namespace CustomerCare.SelfService;

/// <summary>What one line of a self-service transcript records.</summary>
public enum TranscriptEntryKind
{
    /// <summary>The customer's question or rephrasing.</summary>
    Query = 0,

    /// <summary>An automatic answer with one article.</summary>
    Answer = 1,

    /// <summary>Up to three suggested articles.</summary>
    Suggestions = 2,

    /// <summary>The customer's "did this help?" feedback.</summary>
    Feedback = 3,

    /// <summary>An automation step and its outcome.</summary>
    AutomationStep = 4,

    /// <summary>The hand-off to a person.</summary>
    HandOff = 5,
}
