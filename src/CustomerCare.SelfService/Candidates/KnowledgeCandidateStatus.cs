namespace CustomerCare.SelfService;

/// <summary>The review status of a knowledge candidate: proposed → approved → published, or rejected.</summary>
public enum KnowledgeCandidateStatus
{
    /// <summary>Waiting for a reviewer.</summary>
    Proposed = 0,

    /// <summary>A reviewer accepted it, possibly with edits; waiting to be published.</summary>
    Approved = 1,

    /// <summary>Published as a knowledge article, which matchers now find.</summary>
    Published = 2,

    /// <summary>A reviewer declined it, with a note why.</summary>
    Rejected = 3,
}
