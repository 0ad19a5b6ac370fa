using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Testing.CompetenceRouting;

namespace CustomerCare.Testing.Tests.CompetenceRouting;

public class InMemoryAgentDirectoryTests : AgentDirectoryConformanceTests
{
    protected override IAgentDirectory CreateDirectory() => new InMemoryAgentDirectory();
}
