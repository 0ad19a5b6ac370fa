using CustomerCare.Core;

namespace CustomerCare.Sop.Tests;

public class ProcedureCatalogTests
{
    [Fact]
    public void Add_GuardWithoutImplementation_Rejected()
    {
        var catalog = new ProcedureCatalog();

        var exception = Assert.Throws<CustomerCareValidationException>(() => catalog.Add(DefaultLifecycle.Definition));

        Assert.Equal(
            [DefaultLifecycle.DeeperLevelGuard, DefaultLifecycle.WithinReopenWindowGuard],
            exception.Errors.Where(e => e.Problem == "names a guard without an implementation").Select(e => e.Value).Distinct().Order());
        Assert.Contains(exception.Errors, e => e.Value == DefaultLifecycle.WithinReopenWindowGuard && e.Path.Contains("transition 'reopen'", StringComparison.Ordinal));
        Assert.Empty(catalog.Definitions);
    }

    [Fact]
    public void Add_SameVersionTwice_Rejected()
    {
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog());

        var exception = Assert.Throws<CustomerCareValidationException>(() => DefaultLifecycle.Register(catalog));

        Assert.Contains("duplicate id", Assert.Single(exception.Errors).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_ConcernTypeOfOtherProcedure_Rejected()
    {
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog());
        var other = new ProcedureBuilder("other", 1).AppliesTo("incident").StartIn("a").State("a", s => s.Permit("go", "b")).State("b", s => s.Final()).Build();

        var exception = Assert.Throws<CustomerCareValidationException>(() => catalog.Add(other));

        Assert.Contains("'incident'", Assert.Single(exception.Errors).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_Versions_LatestServesConcernType()
    {
        var catalog = DefaultLifecycle.Register(new ProcedureCatalog());
        var v2 = ProcedureBuilder.From(DefaultLifecycle.Definition).Build();
        catalog.Add(v2, DefaultLifecycle.CreateGuards());

        Assert.Same(DefaultLifecycle.Definition, catalog.Find(DefaultLifecycle.Id, 1));
        Assert.Same(v2, catalog.Find(DefaultLifecycle.Id, 2));
        Assert.Null(catalog.Find(DefaultLifecycle.Id, 3));
        Assert.Same(v2, catalog.FindLatest(DefaultLifecycle.Id));
        Assert.Same(v2, catalog.FindForConcernType("Service-Request"));
        Assert.Null(catalog.FindForConcernType("complaint"));
        Assert.Equal(2, catalog.Definitions.Count);
    }

    [Fact]
    public void Add_Concurrent_AllRegistered()
    {
        var catalog = new ProcedureCatalog();
        var definitions = Enumerable.Range(1, 50)
            .Select(v => new ProcedureBuilder("p", v).AppliesTo("t").StartIn("a").State("a", s => s.Permit("go", "b")).State("b", s => s.Final()).Build())
            .ToArray();

        Parallel.ForEach(definitions, d => catalog.Add(d));

        Assert.Equal(50, catalog.Definitions.Count);
        Assert.Equal(50, catalog.FindForConcernType("t")!.Version);
    }
}
