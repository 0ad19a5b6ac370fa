using System.Diagnostics.CodeAnalysis;

// The conformance suite is test code that ships in this package: its names follow the test convention
// Member_Case_Expected, and xunit tests must not call ConfigureAwait(false) (xunit analyzer xUnit1030).
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Scope = "type",
    Target = "~T:CustomerCare.Testing.Sop.ConcernSnapshotStoreConformanceTests", Justification = "Test names use Member_Case_Expected.")]
[assembly: SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Scope = "type",
    Target = "~T:CustomerCare.Testing.Sop.ConcernSnapshotStoreConformanceTests", Justification = "xunit tests keep their synchronization context.")]
