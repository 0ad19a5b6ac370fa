using CustomerCare.Kvp.Ideas;
using CustomerCare.Testing.Kvp;

namespace CustomerCare.Testing.Tests.Kvp;

public sealed class InMemoryIdeaStoreTests : IdeaStoreConformanceTests
{
    protected override IIdeaStore CreateStore() => new InMemoryIdeaStore();
}
