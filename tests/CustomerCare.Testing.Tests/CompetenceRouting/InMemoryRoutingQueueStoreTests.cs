using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Testing.CompetenceRouting;

namespace CustomerCare.Testing.Tests.CompetenceRouting;

public class InMemoryRoutingQueueStoreTests : RoutingQueueStoreConformanceTests
{
    protected override IRoutingQueueStore CreateStore() => new InMemoryRoutingQueueStore();
}
