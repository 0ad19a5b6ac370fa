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
using NodaTime;

namespace CustomerCare.Storage.Sqlite;

/// <summary>Plugs the SQLite storage into CustomerCare.</summary>
public static class SqliteCustomerCareBuilderExtensions
{
    /// <summary>Stores everything in one SQLite database file.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="connectionString">The connection string, such as <c>Data Source=customercare.db</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is null or white space.</exception>
    /// <remarks>
    /// SQLite serves one host instance; for several instances that share storage, use the PostgreSQL storage.
    /// The schema is brought up to date on first use. Stores registered by the host before this call win.
    /// </remarks>
    public static ICustomerCareBuilder UseSqlite(this ICustomerCareBuilder builder, string connectionString)
    {
        Guard.NotNullOrWhiteSpace(connectionString);
        return builder.UseSqlite(options => options.ConnectionString = connectionString);
    }

    /// <summary>Stores everything in one SQLite database file, with settings beyond the connection string.</summary>
    /// <param name="builder">The builder from <c>AddCustomerCare</c>.</param>
    /// <param name="configure">Sets the options; <see cref="SqliteStorageOptions.ConnectionString"/> is required.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    /// <exception cref="ArgumentException">The options have no connection string.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The busy timeout is negative or longer than 10 minutes.</exception>
    /// <remarks><inheritdoc cref="UseSqlite(ICustomerCareBuilder, string)" path="/remarks"/></remarks>
    public static ICustomerCareBuilder UseSqlite(this ICustomerCareBuilder builder, Action<SqliteStorageOptions> configure)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configure);

        var options = new SqliteStorageOptions();
        configure(options);
        SqliteDatabase.Validate(options);
        builder.Services.TryAddSingleton(sp => new SqliteDatabase(options, sp.GetRequiredService<IClock>()));
        builder.Services.TryAddSingleton<IWorkQueue>(sp => new SqliteWorkQueue(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<IIdeaStore>(sp => new SqliteIdeaStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<IProblemStore>(sp => new SqliteProblemStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<IKnowledgeStore>(sp => new SqliteKnowledgeStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<IKnowledgeCandidateStore>(sp => new SqliteKnowledgeCandidateStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<ICustomerStore>(sp => new SqliteCustomerStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<IInteractionStore>(sp => new SqliteInteractionStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<IConcernStore>(sp => new SqliteConcernStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<IConcernSnapshotStore>(sp => new SqliteConcernSnapshotStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<IAgentDirectory>(sp => new SqliteAgentDirectory(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<IRoutingQueueStore>(sp => new SqliteRoutingQueueStore(sp.GetRequiredService<SqliteDatabase>()));
        builder.Services.TryAddSingleton<ISlaClockStore>(sp => new SqliteSlaClockStore(sp.GetRequiredService<SqliteDatabase>()));
        return builder;
    }
}
