using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace CustomerCare;

/// <summary>Registers CustomerCare in a host's <see cref="IServiceCollection"/>.</summary>
public static class CustomerCareServiceCollectionExtensions
{
    /// <summary>Registers CustomerCare with the options from their defaults.</summary>
    /// <param name="services">The host's services.</param>
    /// <returns>A builder that the CustomerCare packages extend with <c>With…</c> and <c>Use…</c> methods.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <remarks>
    /// <para>
    /// Calling this method more than once is safe: the shared services are registered once, and each call adds only
    /// its own configuration. Services are added with <c>TryAdd</c>, so a registration of the host wins whether it
    /// comes before or after this call.
    /// </para>
    /// <para>
    /// The current time comes from <see cref="IClock"/>. Unless the host registers one, CustomerCare derives it from
    /// a registered <see cref="TimeProvider"/>, and falls back to the system clock when there is none. The time zone
    /// database is <see cref="DateTimeZoneProviders.Tzdb"/> unless the host registers another
    /// <see cref="IDateTimeZoneProvider"/>.
    /// </para>
    /// <para>
    /// <see cref="CustomerCareOptions"/> are validated when the host starts; an invalid value stops the start with a
    /// message that names the option, the value and the allowed range.
    /// </para>
    /// </remarks>
    public static ICustomerCareBuilder AddCustomerCare(this IServiceCollection services)
    {
        Guard.NotNull(services);

        AddSharedServices(services);
        return new CustomerCareBuilder(services);
    }

    /// <summary>Registers CustomerCare and configures its options in code.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the options; runs after configuration binding and earlier callbacks.</param>
    /// <returns>A builder that the CustomerCare packages extend with <c>With…</c> and <c>Use…</c> methods.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    /// <remarks><inheritdoc cref="AddCustomerCare(IServiceCollection)" path="/remarks"/></remarks>
    public static ICustomerCareBuilder AddCustomerCare(this IServiceCollection services, Action<CustomerCareOptions> configure)
    {
        Guard.NotNull(services);
        Guard.NotNull(configure);

        AddSharedServices(services);
        services.Configure(configure);
        return new CustomerCareBuilder(services);
    }

    /// <summary>Registers CustomerCare and binds its options from a configuration section.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">
    /// The section to bind, usually <c>configuration.GetSection(CustomerCareOptions.DefaultSectionName)</c>.
    /// </param>
    /// <returns>A builder that the CustomerCare packages extend with <c>With…</c> and <c>Use…</c> methods.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    /// <remarks><inheritdoc cref="AddCustomerCare(IServiceCollection)" path="/remarks"/></remarks>
    public static ICustomerCareBuilder AddCustomerCare(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(services);
        Guard.NotNull(configuration);

        AddSharedServices(services);
        services.AddOptions<CustomerCareOptions>().Bind(configuration);
        return new CustomerCareBuilder(services);
    }

    private static void AddSharedServices(IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(CustomerCareMarker)))
        {
            return;
        }

        services.AddSingleton<CustomerCareMarker>();

        services.AddOptions<CustomerCareOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerCareOptions>, CustomerCareOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CustomerCareOptions>, CustomerCareOptionsCustomValidator>());

        services.TryAddSingleton<IDateTimeZoneProvider>(DateTimeZoneProviders.Tzdb);
        services.TryAddSingleton(CreateClock);
        services.TryAddSingleton(sp => CustomerCareOptionsCustomValidator.CreateMatrix(
            sp.GetRequiredService<IOptions<CustomerCareOptions>>().Value));
        services.TryAddSingleton(sp => new CustomerCareMetrics(sp.GetService<IMeterFactory>()));

        services.AddOptions<ServiceDeskOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServiceDeskOptions>, ServiceDeskOptionsValidator>());
        services.TryAddSingleton(sp => new ServiceDesk(ServiceDeskParts.Resolve(sp)));
    }

    private static IClock CreateClock(IServiceProvider services)
    {
        var logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance)
            .CreateLogger(CustomerCareDiagnostics.LoggerCategoryPrefix);

        if (services.GetService<TimeProvider>() is { } timeProvider)
        {
            Log.ClockFromTimeProvider(logger, timeProvider.GetType().Name);
            return timeProvider.ToClock();
        }

        Log.ClockFromSystem(logger);
#pragma warning disable RS0030 // The one place that reads the system clock: hosts without a TimeProvider or IClock get it here.
        return SystemClock.Instance;
#pragma warning restore RS0030
    }
}
