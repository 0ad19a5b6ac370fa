namespace CustomerCare.Interactions;

/// <summary>The part a participant plays in an interaction.</summary>
public enum ParticipantRole
{
    /// <summary>The sender or caller.</summary>
    From = 1,

    /// <summary>A direct recipient or the called party.</summary>
    To = 2,

    /// <summary>A recipient in copy.</summary>
    Cc = 3,

    /// <summary>An agent of the organization who handled the interaction.</summary>
    Agent = 4,
}
