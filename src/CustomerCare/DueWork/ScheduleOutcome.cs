namespace CustomerCare.DueWork;

/// <summary>What <see cref="IWorkQueue.ScheduleAsync"/> did with an item.</summary>
public enum ScheduleOutcome
{
    /// <summary>No item had the key, so the item was added.</summary>
    Added = 1,

    /// <summary>A pending item had the key; its kind, due instant and payload were replaced.</summary>
    Updated = 2,

    /// <summary>A pending item with the same key, kind, due instant and payload exists; nothing changed.</summary>
    Unchanged = 3,

    /// <summary>An item with the key was completed or cancelled before; it is not scheduled again.</summary>
    AlreadyFinished = 4,
}
