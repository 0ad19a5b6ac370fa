using System.Runtime.CompilerServices;
using CustomerCare.CompetenceRouting.Explanations;

namespace CustomerCare.CompetenceRouting.Engine;

/// <summary>The counts one selection gathers, held inline so the selection path allocates nothing.</summary>
internal struct SelectionStats
{
    public const int ReasonCount = (int)ExclusionReason.RejectedOffer + 1;

    public ReasonCounts Counts;

    public int Total;

    public int Examined;

    public int Eligible;

    /// <summary>
    /// The agents who meet the step and are available, whatever their free capacity. The selection counts the open
    /// agents; agents without free units are added only when "skip if no one is available" needs the number.
    /// </summary>
    public int PresentEligible;

    /// <summary>For a preferred-agent step, the preferred agent's check with capacity ignored.</summary>
    public ExclusionReason PreferredIgnoringCapacity;

    public int WinnerSlot;

    public long WinnerScore;

    public void Reset(int total)
    {
        Counts = default;
        Total = total;
        Examined = 0;
        Eligible = 0;
        PresentEligible = 0;
        WinnerSlot = -1;
        WinnerScore = 0;
        PreferredIgnoringCapacity = ExclusionReason.None;
    }

    [InlineArray(ReasonCount)]
    public struct ReasonCounts
    {
        private int _element;
    }
}
