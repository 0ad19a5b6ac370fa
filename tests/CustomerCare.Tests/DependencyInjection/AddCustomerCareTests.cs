using System.Diagnostics.Metrics;
using CustomerCare.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.Tests.DependencyInjection;

public class AddCustomerCareTests
{
    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void AddCustomerCare_Twice_RegistersSharedServicesOnce()
    {
        var once = new ServiceCollection();
        once.AddCustomerCare();
        var twice = new ServiceCollection();
        twice.AddCustomerCare();
        twice.AddCustomerCare(o => o.DueWorkBatchSize = 5);

        Assert.Equal(once.Count + 1, twice.Count); // the second call only adds its configure callback
        Assert.Single(twice, d => d.ServiceType == typeof(IClock));
        Assert.Equal(2, twice.Count(d => d.ServiceType == typeof(IValidateOptions<CustomerCareOptions>)));
        using var provider = Build(twice);
        Assert.Equal(5, provider.GetRequiredService<IOptions<CustomerCareOptions>>().Value.DueWorkBatchSize);
    }

    [Fact]
    public void AddCustomerCare_ReturnsBuilderOnSameServices()
    {
        var services = new ServiceCollection();

        var builder = services.AddCustomerCare();

        Assert.Same(services, builder.Services);
    }

    [Fact]
    public void HostClock_RegisteredBefore_Wins()
    {
        var clock = new FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);

        services.AddCustomerCare();

        using var provider = Build(services);
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void HostClock_RegisteredAfter_Wins()
    {
        var clock = new FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
        var services = new ServiceCollection();

        services.AddCustomerCare();
        services.AddSingleton<IClock>(clock);

        using var provider = Build(services);
        Assert.Same(clock, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void UseClock_ReplacesRegisteredClock()
    {
        var first = new FakeClock(Instant.FromUtc(2030, 1, 1, 0, 0));
        var second = new FakeClock(Instant.FromUtc(2031, 1, 1, 0, 0));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(first);

        services.AddCustomerCare().UseClock(second);

        using var provider = Build(services);
        Assert.Same(second, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void Clock_FollowsRegisteredTimeProvider()
    {
        var timeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(timeProvider);
        services.AddCustomerCare();
        using var provider = Build(services);
        var clock = provider.GetRequiredService<IClock>();

        timeProvider.Advance(TimeSpan.FromHours(1));

        Assert.Equal(Instant.FromUtc(2026, 3, 29, 1, 30), clock.GetCurrentInstant());
    }

    [Fact]
    public void Clock_WithoutTimeProvider_IsSystemClockAndLogged()
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddCustomerCare();
        using var provider = Build(services);

        var clock = provider.GetRequiredService<IClock>();

        Assert.Same(SystemClock.Instance, clock);
        var record = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Name == "ClockFromSystem");
        Assert.Equal(2, record.Id.Id);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Equal("CustomerCare", record.Category);
    }

    [Fact]
    public void Clock_FromTimeProvider_IsLogged()
    {
        var services = new ServiceCollection();
        services.AddFakeLogging();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddCustomerCare();
        using var provider = Build(services);

        provider.GetRequiredService<IClock>();

        var record = Assert.Single(provider.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 1);
        Assert.Equal("CustomerCare reads the current time from the registered TimeProvider FakeTimeProvider", record.Message);
    }

    [Fact]
    public void TimeZoneProvider_DefaultsToTzdbAndHostWins()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare();
        using (var provider = Build(services))
        {
            Assert.Same(DateTimeZoneProviders.Tzdb, provider.GetRequiredService<IDateTimeZoneProvider>());
        }

        var bcl = new ServiceCollection();
        bcl.AddSingleton(DateTimeZoneProviders.Bcl);
        bcl.AddCustomerCare();
        using var bclProvider = Build(bcl);
        Assert.Same(DateTimeZoneProviders.Bcl, bclProvider.GetRequiredService<IDateTimeZoneProvider>());
    }

    [Fact]
    public void PriorityMatrix_DefaultAndConfigured()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare();
        using (var provider = Build(services))
        {
            Assert.Equal(PriorityMatrix.Default, provider.GetRequiredService<PriorityMatrix>());
        }

        var custom = new ServiceCollection();
        custom.AddCustomerCare(o =>
        {
            o.PriorityMatrix.Add([1, 2]);
            o.PriorityMatrix.Add([2, 3]);
        });
        using var customProvider = Build(custom);
        Assert.Equal(Priority.P3, customProvider.GetRequiredService<PriorityMatrix>().GetPriority(Impact.Medium, Urgency.Medium));
    }

    [Fact]
    public void Meter_ComesFromHostMeterFactory()
    {
        var services = new ServiceCollection();
        services.AddMetrics();
        var factory = new RecordingMeterFactory();
        services.AddSingleton<IMeterFactory>(factory);
        services.AddCustomerCare();
        using var provider = Build(services);

        var metrics = provider.GetRequiredService<CustomerCareMetrics>();

        Assert.Same(factory.Created.Single(), metrics.Meter);
        Assert.Equal("CustomerCare", metrics.Meter.Name);
    }

    [Fact]
    public void Meter_WithoutFactory_IsOwnedAndDisposed()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare();
        var provider = Build(services);
        var meter = provider.GetRequiredService<CustomerCareMetrics>().Meter;
        var counter = meter.CreateCounter<long>("customercare.test.count");
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) => l.EnableMeasurementEvents(instrument);
        listener.Start();
        Assert.True(counter.Enabled);

        provider.Dispose();

        Assert.False(counter.Enabled);
    }

    [Fact]
    public void AddCustomerCare_NullArguments_Throw()
    {
        var services = new ServiceCollection();

        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => CustomerCareServiceCollectionExtensions.AddCustomerCare(null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => services.AddCustomerCare((Action<CustomerCareOptions>)null!)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentNullException>(() => services.AddCustomerCare((Microsoft.Extensions.Configuration.IConfiguration)null!)).ParamName);
        Assert.Equal("clock", Assert.Throws<ArgumentNullException>(() => services.AddCustomerCare().UseClock(null!)).ParamName);
    }

    private sealed class RecordingMeterFactory : IMeterFactory
    {
        public List<Meter> Created { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Created.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Created)
            {
                meter.Dispose();
            }
        }
    }
}
