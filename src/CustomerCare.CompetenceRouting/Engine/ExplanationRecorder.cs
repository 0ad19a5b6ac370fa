using CustomerCare.CompetenceRouting.Agents;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>
/// Collects excluded agents during a selection, up to a limit, in buffers that are reused from one decision to the
/// next, so recording allocates only while the buffers grow.
/// </summary>
internal sealed class ExplanationRecorder
{
    private int[] _slots = new int[16];
    private AgentCheck[] _checks = new AgentCheck[16];

    public ExplanationRecorder(int limit)
    {
        Limit = limit;
    }

    public int Limit { get; }

    public int Count { get; private set; }

    public ReadOnlySpan<int> Slots => _slots.AsSpan(0, Count);

    public ReadOnlySpan<AgentCheck> Checks => _checks.AsSpan(0, Count);

    public void Reset()
    {
        Count = 0;
    }

    public void Add(int slot, in AgentCheck check)
    {
        if (Count >= Limit)
        {
            return;
        }

        if (Count == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            Array.Resize(ref _checks, _checks.Length * 2);
        }

        _slots[Count] = slot;
        _checks[Count] = check;
        Count++;
    }
}
