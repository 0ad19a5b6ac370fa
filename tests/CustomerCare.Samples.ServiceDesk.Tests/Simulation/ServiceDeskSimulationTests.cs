using CustomerCare.Samples.ServiceDesk.Cli;
using CustomerCare.Samples.ServiceDesk.Simulation;

namespace CustomerCare.Samples.ServiceDesk.Tests.Simulation;

public class ServiceDeskSimulationTests
{
    [Fact]
    public async Task RunAsync_TwoGeneratedDays_NonZeroFigures()
    {
        var plan = RunCommand.Plan(Settings());

        var outcome = await ServiceDeskSimulation.RunAsync(plan, null, TestContext.Current.CancellationToken);

        var metrics = outcome.Metrics;
        Assert.InRange(outcome.Counters.ContactsReceived, plan.Source.Contacts.Count, plan.Source.Contacts.Count + outcome.Counters.InformationRequests);
        Assert.Equal(outcome.Counters.ContactsReceived, outcome.Counters.ContactsByChannel.Values.Sum());
        Assert.True(metrics.ConcernsOpened > 0, "concerns opened");
        Assert.True(metrics.CustomerContacts >= metrics.ConcernsOpened, "contacts cover the concerns");
        Assert.True(outcome.Counters.AnsweredBySelfService > 0, "self-service answered some concerns");
        Assert.True(outcome.Counters.HandedOff > 0, "some concerns reached a person");
        Assert.True(outcome.Counters.Accepted > 0, "agents accepted offers");
        Assert.True(outcome.Counters.Resolved > 0, "agents resolved concerns");
        Assert.True(outcome.Counters.Escalations > 0, "some concerns were escalated");
        Assert.True(metrics.FirstContactResolution.Denominator > 0, "first-contact resolution has a base");
        Assert.True(metrics.Channels.Count >= 3, "several channels");
        Assert.NotEmpty(metrics.Pareto);
        Assert.NotEmpty(metrics.SlaTargets);
        Assert.True(metrics.Costs is { HandledCost: > 0 }, "handled cost");
        Assert.Equal(0, metrics.TotalBadRecords);
    }

    [Fact]
    public async Task RunAsync_SameSeed_SameFigures()
    {
        var first = await ServiceDeskSimulation.RunAsync(RunCommand.Plan(Settings()), null, TestContext.Current.CancellationToken);
        var second = await ServiceDeskSimulation.RunAsync(RunCommand.Plan(Settings()), null, TestContext.Current.CancellationToken);

        Assert.Equal(first.Metrics.ConcernsOpened, second.Metrics.ConcernsOpened);
        Assert.Equal(first.Metrics.FirstContactResolution, second.Metrics.FirstContactResolution);
        Assert.Equal(first.Counters.AnsweredBySelfService, second.Counters.AnsweredBySelfService);
        Assert.Equal(first.Counters.Escalations, second.Counters.Escalations);
        Assert.Equal(first.Counters.Resolved, second.Counters.Resolved);
    }

    private static ServiceDeskSettings Settings() => new()
    {
        Database = "memory",
        Days = 2,
        ContactsPerDay = 120,
        Output = Path.Combine(Path.GetTempPath(), "customercare-sample-tests"),
    };
}
