using CustomerCare.Testing.Interactions;

namespace CustomerCare.Testing.Tests.Interactions;

public class InMemoryCustomerStoreConformanceTests : CustomerStoreConformanceTests
{
    protected override CustomerCare.Interactions.Customers.ICustomerStore CreateStore() => new InMemoryCustomerStore();
}
