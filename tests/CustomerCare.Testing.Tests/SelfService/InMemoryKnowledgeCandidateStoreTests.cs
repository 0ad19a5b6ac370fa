using CustomerCare.SelfService;
using CustomerCare.Testing.SelfService;

namespace CustomerCare.Testing.Tests.SelfService;

public class InMemoryKnowledgeCandidateStoreTests : KnowledgeCandidateStoreConformanceTests
{
    protected override IKnowledgeCandidateStore CreateStore() => new InMemoryKnowledgeCandidateStore();
}
