using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using NodaTime;

namespace CustomerCare.Interactions.Tests;

public class InteractionsOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = new InteractionsOptions();

        options.Validate();

        Assert.Null(options.DefaultRegion);
        Assert.Equal(Duration.FromDays(7), options.CrossChannelWindow);
        Assert.Equal(Duration.FromDays(7), options.ReopenWindow);
        Assert.Equal("CC#", options.ConcernNumberTag);
    }

    [Fact]
    public void Validate_EveryProblem_ReportedAtOnce()
    {
        var options = new InteractionsOptions
        {
            DefaultRegion = "XX",
            CrossChannelWindow = Duration.FromHours(-1),
            ReopenWindow = Duration.FromHours(-1),
            ConcernNumberTag = "[1]",
        };

        var exception = Assert.Throws<CustomerCareValidationException>(options.Validate);

        Assert.Equal(
            ["InteractionsOptions.DefaultRegion", "InteractionsOptions.CrossChannelWindow", "InteractionsOptions.ReopenWindow", "InteractionsOptions.ConcernNumberTag"],
            exception.Errors.Select(e => e.Path));
    }

    [Fact]
    public void CreateContactPoint_UsesRegionAndFolding()
    {
        var options = new InteractionsOptions { DefaultRegion = "GB", FoldProviderAliases = true };

        var phone = options.CreateContactPoint(ContactPointKind.Phone, "020 7946 0958");
        var email = options.CreateContactPoint(ContactPointKind.Email, "a.b@gmail.com");
        var crm = options.CreateContactPoint(ContactPointKind.ExternalId, "7", "crm");

        Assert.Equal("+442079460958", phone.Value);
        Assert.Equal("ab@gmail.com", email.LooseValue);
        Assert.Equal("crm", crm.Scope);
        Assert.Throws<FormatException>(() => options.CreateContactPoint(ContactPointKind.Phone, "abc"));
    }
}
