using CustomerCare.Kvp.Problems;
using CustomerCare.Testing.Kvp;

namespace CustomerCare.Testing.Tests.Kvp;

public sealed class InMemoryProblemStoreTests : ProblemStoreConformanceTests
{
    protected override IProblemStore CreateStore() => new InMemoryProblemStore();
}
