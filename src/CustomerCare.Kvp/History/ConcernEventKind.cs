namespace CustomerCare.Kvp.History;

/// <summary>What happened to a concern in a <see cref="ConcernEvent"/>.</summary>
public enum ConcernEventKind
{
    /// <summary>The concern was created, in status <see cref="ConcernStatus.New"/>.</summary>
    Opened = 1,

    /// <summary>The concern moved to <see cref="ConcernEvent.Status"/>.</summary>
    StateChanged = 2,

    /// <summary>The concern was escalated to the competence level <see cref="ConcernEvent.Level"/>.</summary>
    Escalated = 3,

    /// <summary>The concern was resolved; the same as a state change to <see cref="ConcernStatus.Resolved"/>.</summary>
    Resolved = 4,

    /// <summary>A resolved concern was reopened and moved to <see cref="ConcernStatus.Open"/>.</summary>
    Reopened = 5,

    /// <summary>The concern was closed; the same as a state change to <see cref="ConcernStatus.Closed"/>.</summary>
    Closed = 6,

    /// <summary>
    /// A new concern was created as the follow-up of the closed concern <see cref="ConcernEvent.FollowUpOf"/>. It
    /// opens like <see cref="Opened"/> and counts as a reopen of the original concern.
    /// </summary>
    FollowUpOpened = 7,
}
