namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>An unordered set of agent slots with constant-time add and a linear remove, used as a posting list.</summary>
/// <remarks>Selection scans every slot and breaks ties by agent identifier, so the order of slots never matters.</remarks>
internal sealed class SlotList
{
    private int[] _slots = new int[8];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public void Add(int slot)
    {
        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
        }

        _slots[Count++] = slot;
    }

    public void Remove(int slot)
    {
        var index = Array.IndexOf(_slots, slot, 0, Count);
        Guard.Invariant(index >= 0);
        _slots[index] = _slots[--Count];
    }
}
