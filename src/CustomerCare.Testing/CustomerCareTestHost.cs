using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Testing;

/// <summary>
/// A service provider with CustomerCare registered on a <see cref="FakeClock"/>, fake logging and metrics, for tests
/// of a host's integration.
/// </summary>
/// <remarks>
/// <para>
/// The provider is built with scope and build-time validation on, so a captive or missing dependency fails the test
/// at <see cref="Create(Action{ICustomerCareBuilder}?, Instant?)"/> and not later. Logs of every level are collected by
/// <see cref="Logs"/>. Advance time with <see cref="FakeClock.Advance(Duration)"/> on <see cref="Clock"/>.
/// </para>
/// <para>A test host is not thread-safe to create or dispose, but its services are as thread-safe as in production.</para>
/// </remarks>
public sealed class CustomerCareTestHost : IDisposable, IAsyncDisposable
{
    /// <summary>The default first instant of the clock: Monday 5 January 2026, 09:00 UTC.</summary>
    public static readonly Instant DefaultStart = Instant.FromUtc(2026, 1, 5, 9, 0);

    private readonly ServiceProvider _provider;

    private CustomerCareTestHost(ServiceProvider provider, FakeClock clock)
    {
        _provider = provider;
        Clock = clock;
    }

    /// <summary>Gets the clock that CustomerCare reads; advance it to move time.</summary>
    public FakeClock Clock { get; }

    /// <summary>Gets the services.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>Gets the log records written so far, by every category.</summary>
    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    /// <summary>Creates a test host.</summary>
    /// <param name="configure">Configures CustomerCare further, such as <c>b => b.Services.AddSingleton(...)</c>; optional.</param>
    /// <param name="start">The clock's first instant; <see cref="DefaultStart"/> when null.</param>
    /// <returns>A host whose services are built and validated.</returns>
    /// <exception cref="InvalidOperationException">A registration is missing or captive; the message names the service.</exception>
    public static CustomerCareTestHost Create(Action<ICustomerCareBuilder>? configure = null, Instant? start = null)
    {
        var clock = new FakeClock(start ?? DefaultStart);
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddMetrics();

        var builder = services.AddCustomerCare().UseClock(clock);
        configure?.Invoke(builder);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new CustomerCareTestHost(provider, clock);
    }

    /// <summary>Returns a service of type <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The service type.</typeparam>
    /// <returns>The service.</returns>
    /// <exception cref="InvalidOperationException">No service of that type is registered.</exception>
    public T GetRequiredService<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>Returns a collector of the measurements that <paramref name="instrumentName"/> on the CustomerCare meter records from now on.</summary>
    /// <typeparam name="T">The instrument's measurement type, such as <see cref="long"/> for a counter.</typeparam>
    /// <param name="instrumentName">The instrument name, such as <c>customercare.interaction.recorded</c>.</param>
    /// <returns>A collector to dispose at the end of the test.</returns>
    /// <exception cref="ArgumentException"><paramref name="instrumentName"/> is null or white space.</exception>
    public MetricCollector<T> CollectMetric<T>(string instrumentName)
        where T : struct
    {
        Guard.NotNullOrWhiteSpace(instrumentName);
        var factory = _provider.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        return new MetricCollector<T>(factory, CustomerCareDiagnostics.MeterName, instrumentName);
    }

    /// <summary>Disposes the services.</summary>
    public void Dispose() => _provider.Dispose();

    /// <summary>Disposes the services, including those that only dispose asynchronously.</summary>
    /// <returns>A task that completes when everything is disposed.</returns>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
