using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.DueWork;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Problems;
using CustomerCare.SelfService;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.SlaTracking;
using CustomerCare.Sop;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>Plugs the PostgreSQL storage into CustomerCare.</summary>
public static class PostgreSqlCustomerCareBuilderExtensions
{
    /// <summary>Stores everything in the PostgreSQL database that <paramref name="connectionString"/> names.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="connectionString">The connection string, such as <c>Host=127.0.0.1;Database=customercare;Username=cc</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or white space.</exception>
    /// <remarks>
    /// Several host instances can share the database. The schema is brought up to date on first use, under an
    /// advisory lock. Stores registered by the host before this call win.
    /// </remarks>
    public static ICustomerCareBuilder UsePostgreSql(this ICustomerCareBuilder builder, string connectionString)
    {
        Guard.NotNullOrWhiteSpace(connectionString);
        return builder.UsePostgreSql(options => options.ConnectionString = connectionString);
    }

    /// <summary>Stores everything in the PostgreSQL database behind a data source that the host owns.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="dataSource">The data source; the host disposes it after CustomerCare.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="dataSource"/> is null.</exception>
    /// <remarks><inheritdoc cref="UsePostgreSql(ICustomerCareBuilder, string)" path="/remarks"/></remarks>
    public static ICustomerCareBuilder UsePostgreSql(this ICustomerCareBuilder builder, NpgsqlDataSource dataSource)
    {
        Guard.NotNull(dataSource);
        return builder.UsePostgreSql(options => options.DataSource = dataSource);
    }

    /// <summary>Stores everything in PostgreSQL, with settings beyond the connection.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="configure">Sets the options; a connection string or a data source is required.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException">The options name neither a connection string nor a data source.</exception>
    /// <remarks><inheritdoc cref="UsePostgreSql(ICustomerCareBuilder, string)" path="/remarks"/></remarks>
    public static ICustomerCareBuilder UsePostgreSql(this ICustomerCareBuilder builder, Action<PostgreSqlStorageOptions> configure)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configure);

        var options = new PostgreSqlStorageOptions();
        configure(options);
        PostgreSqlDatabase.Validate(options);

        builder.Services.TryAddSingleton(sp => new PostgreSqlDatabase(options, sp.GetRequiredService<IClock>()));
        builder.Services.TryAddSingleton<IWorkQueue>(sp => new PostgreSqlWorkQueue(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IIdeaStore>(sp => new PostgreSqlIdeaStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IProblemStore>(sp => new PostgreSqlProblemStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IConcernSnapshotStore>(sp => new PostgreSqlConcernSnapshotStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IKnowledgeStore>(sp => new PostgreSqlKnowledgeStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IKnowledgeCandidateStore>(sp => new PostgreSqlKnowledgeCandidateStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IAgentDirectory>(sp => new PostgreSqlAgentDirectory(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IRoutingQueueStore>(sp => new PostgreSqlRoutingQueueStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<ICustomerStore>(sp => new PostgreSqlCustomerStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IInteractionStore>(sp => new PostgreSqlInteractionStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<IConcernStore>(sp => new PostgreSqlConcernStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        builder.Services.TryAddSingleton<ISlaClockStore>(sp => new PostgreSqlSlaClockStore(sp.GetRequiredService<PostgreSqlDatabase>()));
        return builder;
    }
}
