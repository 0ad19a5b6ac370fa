using System.Diagnostics.CodeAnalysis;

// The conformance tests are xunit test classes that ship in this package so that storage adapters can run them.
// They follow the test conventions: Member_Case_Expected names, and awaits without ConfigureAwait(false), which xunit
// requires so that tests keep its synchronization context.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read Member_Case_Expected.", Scope = "type", Target = "~T:CustomerCare.Testing.CompetenceRouting.AgentDirectoryConformanceTests")]
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names read Member_Case_Expected.", Scope = "type", Target = "~T:CustomerCare.Testing.CompetenceRouting.RoutingQueueStoreConformanceTests")]
[assembly: SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "xunit tests keep the test framework's context.", Scope = "type", Target = "~T:CustomerCare.Testing.CompetenceRouting.AgentDirectoryConformanceTests")]
[assembly: SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "xunit tests keep the test framework's context.", Scope = "type", Target = "~T:CustomerCare.Testing.CompetenceRouting.RoutingQueueStoreConformanceTests")]
