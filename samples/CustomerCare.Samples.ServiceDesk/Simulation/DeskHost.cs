using CustomerCare.CompetenceRouting;
using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Cli;
using CustomerCare.Samples.ServiceDesk.Knowledge;
using CustomerCare.Sla.Policies;
using CustomerCare.Storage.PostgreSql;
using CustomerCare.Storage.Sqlite;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

using CareDesk = CustomerCare.ServiceDesk;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>
/// The service desk as a host application sets it up: <c>AddCustomerCare()</c> with the simulated clock, the routing
/// policy from <c>Organization/routing.json</c>, the SLA policy, the learning knowledge matcher, the channels' opening
/// hours, and the storage the options name.
/// </summary>
internal sealed class DeskHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private DeskHost(ServiceProvider provider, CareDesk desk)
    {
        _provider = provider;
        Desk = desk;
    }

    public CareDesk Desk { get; }

    public static Task<DeskHost> StartAsync(
        SimulationPlan plan, IClock clock, LearningKnowledgeMatcher matcher, IServiceDeskObserver observer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var organization = plan.Organization;
        var services = new ServiceCollection();
        var builder = services
            .AddCustomerCare(options => options.TimeZone = organization.Office.Zone.Id)
            .UseClock(clock)
            .WithRouting(RoutingPolicyJson.Parse(File.ReadAllText(RoutingFile), new Dictionary<string, IBusinessCalendar> { ["office"] = organization.Office }))
            .WithSla(SlaPolicy(organization.Office))
            .WithSelfService(matcher)
            .ConfigureServiceDesk(options => options.BusinessCalendar = organization.Office)
            .AddServiceDeskObserver(observer);
        foreach (var channel in organization.Channels)
        {
            builder.WithChannelHours(channel.Channel, channel.Calendar);
        }

        // Every port lives in the chosen database; only the memory option keeps them in this process.
        switch (plan.Database.Kind)
        {
            case DatabaseKind.Sqlite:
                DeleteSqliteFiles(plan.Database.SqliteFile!);
                builder.UseSqlite(plan.Database.ConnectionString);
                break;
            case DatabaseKind.PostgreSql:
                builder.UsePostgreSql(plan.Database.ConnectionString);
                break;
            default:
                builder.UseInMemoryStores();
                break;
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        return Task.FromResult(new DeskHost(provider, provider.GetRequiredService<CareDesk>()));
    }

    /// <summary>Gets the routing policy file next to the program.</summary>
    public static string RoutingFile => Path.Combine(AppContext.BaseDirectory, "Organization", "routing.json");

    /// <summary>
    /// Returns the SLA policy. Urgent concerns (P1, P2) get a first response within one office hour and a resolution
    /// within eight. The rest get them within four office hours and two office days (20 hours). Warnings come at 75
    /// percent.
    /// </summary>
    public static SlaPolicy SlaPolicy(IBusinessCalendar office) =>
        new SlaPolicyBuilder("service-desk")
            .AddRule("urgent", rule => rule
                .ForPriorities(Priority.P1, Priority.P2)
                .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(1), office, 75)
                .AddTarget(SlaTargetKind.Resolution, Duration.FromHours(8), office, 75))
            .SetDefault(rule => rule
                .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(4), office, 75)
                .AddTarget(SlaTargetKind.Resolution, Duration.FromHours(20), office, 75))
            .Build();

    public ValueTask DisposeAsync() => _provider.DisposeAsync();

    private static void DeleteSqliteFiles(string file)
    {
        // The run owns its database file: a previous run's contacts would otherwise be duplicates of this run's.
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(path);
        }
    }
}
