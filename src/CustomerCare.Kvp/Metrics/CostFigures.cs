namespace CustomerCare.Kvp.Metrics;

/// <summary>The cost of the recorded work under the configured cost model and the savings of self-service and automation.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Currency">The currency of every amount, such as <c>EUR</c>.</param>
/// <param name="HandledCost">The cost of the work time of people: minutes × the cost per minute of their level.</param>
/// <param name="AutomatedCost">The cost of self-service sessions and bot conversations: their number × the cost per automated contact.</param>
/// <param name="AutomatedResolutions">Self-service resolutions plus verified bot resolutions.</param>
/// <param name="FirstLevelCostPerContact">What one contact costs at the first level: first-level handle time × its cost per minute.</param>
/// <param name="FirstLevelCostObserved">
/// Whether <paramref name="FirstLevelCostPerContact"/> uses the observed mean first-level handle time; otherwise it
/// uses the cost model's assumed handle time because no first-level work was recorded.
/// </param>
/// <param name="Savings">
/// Automated resolutions × (first-level cost per contact − cost per automated contact): what the same contacts would
/// have cost more at the first level.
/// </param>
public sealed record CostFigures(
    string Currency,
    decimal HandledCost,
    decimal AutomatedCost,
    long AutomatedResolutions,
    decimal FirstLevelCostPerContact,
    bool FirstLevelCostObserved,
    decimal Savings);
