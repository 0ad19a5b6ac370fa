using CustomerCare.SlaTracking;
using CustomerCare.Testing.SlaTracking;

namespace CustomerCare.Testing.Tests.SlaTracking;

public class InMemorySlaClockStoreTests : SlaClockStoreConformanceTests
{
    protected override ISlaClockStore CreateStore() => new InMemorySlaClockStore();
}
