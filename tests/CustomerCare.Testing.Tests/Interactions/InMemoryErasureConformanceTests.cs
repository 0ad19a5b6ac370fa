using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Tests.Privacy;
using CustomerCare.Testing.Interactions;

namespace CustomerCare.Testing.Tests.Interactions;

public class InMemoryErasureConformanceTests : ErasureConformanceTests
{
    private readonly InMemoryCustomerStore _customers = new();
    private readonly InMemoryInteractionStore _interactions = new();
    private readonly InMemoryConcernStore _concerns = new();

    protected override (ICustomerStore Customers, IInteractionStore Interactions, IConcernStore Concerns) CreateStores() => (_customers, _interactions, _concerns);

    // The in-memory stores have no tables: every string reachable from their fields is what they store.
    protected override Task<IReadOnlyList<string>> ReadStoredTextAsync() =>
        Task.FromResult<IReadOnlyList<string>>(StoreScanner.Strings(_customers, _interactions, _concerns));
}
