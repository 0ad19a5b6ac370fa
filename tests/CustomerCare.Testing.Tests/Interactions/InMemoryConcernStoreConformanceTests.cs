using CustomerCare.Testing.Interactions;

namespace CustomerCare.Testing.Tests.Interactions;

public class InMemoryConcernStoreConformanceTests : ConcernStoreConformanceTests
{
    protected override CustomerCare.Interactions.Concerns.IConcernStore CreateStore() => new InMemoryConcernStore();
}
