using CustomerCare.Core;

namespace CustomerCare.SelfService.Tests.Automation;

public class AutomationDefinitionTests
{
    private static AutomationStep Step(string name, AutomationStepKind kind) =>
        new(name, kind, (_, _) => ValueTask.FromResult(AutomationStepResult.Completed("ok")));

    [Fact]
    public void Constructor_Valid_NormalizesNames()
    {
        var definition = new AutomationDefinition("Address-Change", ContactReason.Parse("account/address"),
            [Step("Collect", AutomationStepKind.CollectData), Step("verify", AutomationStepKind.VerifyIdentity), Step("act", AutomationStepKind.Act), Step("confirm", AutomationStepKind.Confirm)]);

        Assert.Equal("address-change", definition.Name);
        Assert.Equal("collect", definition.Steps[0].Name);
    }

    [Fact]
    public void Constructor_BrokenDefinition_ReportsEveryProblem()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => new AutomationDefinition("bad name!", default,
        [
            Step("act", AutomationStepKind.Act),
            Step("verify", AutomationStepKind.VerifyIdentity),
            Step("confirm", AutomationStepKind.Confirm),
            Step("act", AutomationStepKind.Act),
        ]));

        Assert.Equal(5, exception.Errors.Count);
        Assert.Contains(exception.Errors, e => e.Problem.Contains("invalid name", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Problem == "has no intent");
        Assert.Contains(exception.Errors, e => e.Problem == "repeats the name of an earlier step");
        Assert.Contains(exception.Errors, e => e.Problem == "acts before the identity is verified");
        Assert.Contains(exception.Errors, e => e.Problem == "follows a confirmation");
    }

    [Fact]
    public void Constructor_NoStepsOrNoAct_Throws()
    {
        var empty = Assert.Throws<CustomerCareValidationException>(() => new AutomationDefinition("a", ContactReason.Parse("faq"), []));
        var talkOnly = Assert.Throws<CustomerCareValidationException>(() => new AutomationDefinition("a", ContactReason.Parse("faq"), [Step("c", AutomationStepKind.Confirm)]));

        Assert.Equal("has no steps", Assert.Single(empty.Errors).Problem);
        Assert.Equal("has no act step", Assert.Single(talkOnly.Errors).Problem);
    }

    [Fact]
    public void Catalog_FindsByIntentAncestor_AndRejectsClashes()
    {
        var address = new AutomationDefinition("address", ContactReason.Parse("account/address"), [Step("act", AutomationStepKind.Act)]);
        var catalog = new AutomationCatalog([address]);

        Assert.Same(address, catalog.FindForIntent(ContactReason.Parse("account/address/abroad")));
        Assert.Null(catalog.FindForIntent(ContactReason.Parse("account")));
        Assert.Same(address, catalog.FindByName("ADDRESS"));
        var clash = Assert.Throws<CustomerCareValidationException>(() => new AutomationCatalog([address, address]));
        Assert.Equal(2, clash.Errors.Count);
    }
}
