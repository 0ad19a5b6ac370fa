using CustomerCare.SelfService;
using CustomerCare.Testing.SelfService;

namespace CustomerCare.Testing.Tests.SelfService;

public class InMemoryKnowledgeStoreTests : KnowledgeStoreConformanceTests
{
    protected override IKnowledgeStore CreateStore() => new InMemoryKnowledgeStore();
}
