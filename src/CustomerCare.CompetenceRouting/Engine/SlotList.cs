namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>A set of agent slots kept in ascending order, used as a posting list.</summary>
/// <remarks>
/// Selection scans every slot and breaks ties by agent identifier, so the order does not change results. Ascending
/// slots only make the scan read the per-slot arrays front to back. Adding and removing shift the tail, which costs
/// microseconds for lists of thousands.
/// </remarks>
internal sealed class SlotList
{
    private int[] _slots = new int[8];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public void Add(int slot)
    {
        var index = Array.BinarySearch(_slots, 0, Count, slot);
        Guard.Invariant(index < 0);
        index = ~index;
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        Array.Copy(_slots, index, _slots, index + 1, Count - index);
        _slots[index] = slot;
        Count++;
    }

    public void Remove(int slot)
    {
        var index = Array.BinarySearch(_slots, 0, Count, slot);
        Guard.Invariant(index >= 0);
        Array.Copy(_slots, index + 1, _slots, index, Count - index - 1);
        Count--;
    }
}
