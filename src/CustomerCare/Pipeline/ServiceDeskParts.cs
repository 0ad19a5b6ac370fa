using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using CustomerCare.DueWork;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Kvp.Ideas;
using CustomerCare.SelfService;
using CustomerCare.SlaTracking;
using CustomerCare.Sop;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>The collaborators of <see cref="ServiceDesk"/>, resolved from the host's services.</summary>
internal sealed record ServiceDeskParts(
    ServiceDeskSettings Settings,
    ICustomerStore Customers,
    IInteractionStore Interactions,
    IConcernStore Concerns,
    IConcernSnapshotStore Snapshots,
    IAgentDirectory Agents,
    IRoutingQueueStore RoutingQueue,
    IKnowledgeStore Knowledge,
    IKnowledgeCandidateStore KnowledgeCandidates,
    ISlaClockStore SlaClocks,
    IWorkQueue WorkQueue,
    IIdeaStore? Ideas,
    IReadOnlyList<IServiceDeskObserver> Observers,
    IClock Clock,
    PriorityMatrix PriorityMatrix,
    ServiceDeskInstruments Instruments,
    ILoggerFactory? LoggerFactory,
    ILogger Logger)
{
    /// <summary>The storage ports the service desk needs, in the order the start error lists them.</summary>
    public static readonly IReadOnlyList<Type> RequiredPorts =
    [
        typeof(ICustomerStore),
        typeof(IInteractionStore),
        typeof(IConcernStore),
        typeof(IConcernSnapshotStore),
        typeof(IAgentDirectory),
        typeof(IRoutingQueueStore),
        typeof(IKnowledgeStore),
        typeof(IKnowledgeCandidateStore),
        typeof(ISlaClockStore),
        typeof(IWorkQueue),
    ];

    /// <summary>Returns the message for missing storage ports: which ones, and the calls that register them.</summary>
    public static string MissingPortsMessage(IEnumerable<Type> missing) =>
        $"CustomerCare has no storage for {string.Join(", ", missing.Select(t => t.Name))}. " +
        "Register storage on the builder that AddCustomerCare() returns: UseSqlite(\"Data Source=customercare.db\") or " +
        "UsePostgreSql(connectionString) for a database, or UseInMemoryStores() from CustomerCare.Testing for tests and " +
        "single-process hosts; or register your own implementation of each port.";

    /// <summary>Resolves every collaborator; options validation has checked that each port is registered.</summary>
    public static ServiceDeskParts Resolve(IServiceProvider services)
    {
        // Reading the options runs their validation, which reports missing ports together with every other problem.
        var options = services.GetRequiredService<IOptions<ServiceDeskOptions>>().Value;
        var missing = RequiredPorts.Where(t => services.GetService(t) is null).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(MissingPortsMessage(missing));
        }

        var core = services.GetRequiredService<IOptions<CustomerCareOptions>>().Value;
        var loggerFactory = services.GetService<ILoggerFactory>();
        return new ServiceDeskParts(
            ServiceDeskSettings.Create(options, core, services.GetRequiredService<IDateTimeZoneProvider>()),
            services.GetRequiredService<ICustomerStore>(),
            services.GetRequiredService<IInteractionStore>(),
            services.GetRequiredService<IConcernStore>(),
            services.GetRequiredService<IConcernSnapshotStore>(),
            services.GetRequiredService<IAgentDirectory>(),
            services.GetRequiredService<IRoutingQueueStore>(),
            services.GetRequiredService<IKnowledgeStore>(),
            services.GetRequiredService<IKnowledgeCandidateStore>(),
            services.GetRequiredService<ISlaClockStore>(),
            services.GetRequiredService<IWorkQueue>(),
            services.GetService<IIdeaStore>(),
            [.. services.GetServices<IServiceDeskObserver>()],
            services.GetRequiredService<IClock>(),
            services.GetRequiredService<PriorityMatrix>(),
            new ServiceDeskInstruments(services.GetRequiredService<CustomerCareMetrics>().Meter),
            loggerFactory,
            (ILogger?)loggerFactory?.CreateLogger<ServiceDesk>() ?? NullLogger.Instance);
    }
}
