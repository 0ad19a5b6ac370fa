using CustomerCare.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CustomerCare.Testing.Tests;

public class CustomerCareTestHostTests
{
    [Fact]
    public async Task Create_ClockStartsAtDefaultAndAdvances()
    {
        await using var host = CustomerCareTestHost.Create();
        var clock = host.GetRequiredService<IClock>();

        host.Clock.Advance(Duration.FromHours(2));

        Assert.Same(host.Clock, clock);
        Assert.Equal(CustomerCareTestHost.DefaultStart + Duration.FromHours(2), clock.GetCurrentInstant());
        Assert.Equal(IsoDayOfWeek.Monday, CustomerCareTestHost.DefaultStart.InUtc().DayOfWeek);
    }

    [Fact]
    public void Create_WithStartAndConfiguration()
    {
        var start = Instant.FromUtc(2026, 3, 29, 0, 30);

        using var host = CustomerCareTestHost.Create(b => b.Services.Configure<CustomerCareOptions>(o => o.TimeZone = "Europe/Berlin"), start);

        Assert.Equal(start, host.Clock.GetCurrentInstant());
        Assert.Equal("Europe/Berlin", host.GetRequiredService<Microsoft.Extensions.Options.IOptions<CustomerCareOptions>>().Value.TimeZone);
    }

    [Fact]
    public void Create_MissingDependency_FailsAtCreation()
    {
        var exception = Assert.ThrowsAny<Exception>(() =>
            CustomerCareTestHost.Create(b => b.Services.AddSingleton<NeedsUnregistered>()));

        Assert.Contains(nameof(IUnregistered), exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_CollectsEveryLevel()
    {
        using var host = CustomerCareTestHost.Create();
        var logger = host.GetRequiredService<ILoggerFactory>().CreateLogger("HostTest");

        logger.LogTrace("trace line");

        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message == "trace line" && r.Level == LogLevel.Trace);
    }

    [Fact]
    public void CollectMetric_SeesCustomerCareMeter()
    {
        using var host = CustomerCareTestHost.Create();
        using var collector = host.CollectMetric<long>("customercare.test.count");
        var factory = host.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        var meter = factory.Create(new System.Diagnostics.Metrics.MeterOptions(CustomerCareDiagnostics.MeterName));
        var counter = meter.CreateCounter<long>("customercare.test.count");

        counter.Add(3);

        Assert.Equal(3, Assert.Single(collector.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void PriorityMatrix_IsAvailable()
    {
        using var host = CustomerCareTestHost.Create();

        Assert.Equal(Priority.P1, host.GetRequiredService<PriorityMatrix>().GetPriority(Impact.High, Urgency.High));
    }

    private interface IUnregistered;

    private sealed class NeedsUnregistered(IUnregistered dependency)
    {
        public IUnregistered Dependency { get; } = dependency;
    }
}
