using CustomerCare.Testing.Interactions;

namespace CustomerCare.Testing.Tests.Interactions;

public class InMemoryInteractionStoreConformanceTests : InteractionStoreConformanceTests
{
    protected override CustomerCare.Interactions.IInteractionStore CreateStore() => new InMemoryInteractionStore();
}
