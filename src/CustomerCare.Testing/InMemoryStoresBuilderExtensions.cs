using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.DueWork;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Problems;
using CustomerCare.SelfService;
using CustomerCare.SlaTracking;
using CustomerCare.Sop;
using CustomerCare.Testing.CompetenceRouting;
using CustomerCare.Testing.DueWork;
using CustomerCare.Testing.Interactions;
using CustomerCare.Testing.Kvp;
using CustomerCare.Testing.SelfService;
using CustomerCare.Testing.SlaTracking;
using CustomerCare.Testing.Sop;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerCare.Testing;

/// <summary>Plugs the in-memory stores into CustomerCare.</summary>
public static class InMemoryStoresBuilderExtensions
{
    /// <summary>Keeps every port in memory: customers, interactions, concerns, procedures, routing, knowledge, ideas, SLA clocks and due work.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <remarks>
    /// For tests and single-process hosts that need no durability: everything is lost when the process ends. Stores
    /// registered by the host, before or after this call, win.
    /// </remarks>
    public static ICustomerCareBuilder UseInMemoryStores(this ICustomerCareBuilder builder)
    {
        Guard.NotNull(builder);

        var services = builder.Services;
        services.TryAddSingleton<ICustomerStore, InMemoryCustomerStore>();
        services.TryAddSingleton<IInteractionStore>(_ => new InMemoryInteractionStore());
        services.TryAddSingleton<IConcernStore>(_ => new InMemoryConcernStore());
        services.TryAddSingleton<IConcernSnapshotStore, InMemoryConcernSnapshotStore>();
        services.TryAddSingleton<IAgentDirectory, InMemoryAgentDirectory>();
        services.TryAddSingleton<IRoutingQueueStore, InMemoryRoutingQueueStore>();
        services.TryAddSingleton<IKnowledgeStore, InMemoryKnowledgeStore>();
        services.TryAddSingleton<IKnowledgeCandidateStore, InMemoryKnowledgeCandidateStore>();
        services.TryAddSingleton<IIdeaStore, InMemoryIdeaStore>();
        services.TryAddSingleton<IProblemStore, InMemoryProblemStore>();
        services.TryAddSingleton<ISlaClockStore, InMemorySlaClockStore>();
        services.TryAddSingleton<IWorkQueue, InMemoryWorkQueue>();
        return builder;
    }
}
