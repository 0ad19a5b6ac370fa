namespace CustomerCare.Interactions.Timeline;

/// <summary>The direction in which a timeline is read.</summary>
public enum TimelineOrder
{
    /// <summary>Newest first, as an agent's screen shows it.</summary>
    NewestFirst = 0,

    /// <summary>Oldest first, as an export or a replay reads it.</summary>
    OldestFirst = 1,
}
