using CustomerCare.Core;

namespace CustomerCare.Kvp.Metrics;

/// <summary>A bot resolution that waits for its verification window to end.</summary>
internal sealed class PendingBotResolution(CustomerId customer)
{
    public CustomerId Customer { get; } = customer;

    public bool Failed { get; set; }

    public bool Decided { get; set; }
}
