using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace CustomerCare.Tests.Pipeline;

public class DueWorkServiceTests
{
    [Fact]
    public async Task Run_DeadlinePasses_RaisesBreach()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        var breached = new TaskCompletionSource<ServiceDeskEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddCustomerCare()
            .UseInMemoryStores()
            .WithSla(ServiceDeskHarness.Sla(Duration.FromHours(1), Duration.FromHours(8)))
            .AddServiceDeskObserver(new BreachObserver(breached))
            .AddDueWorkService()
            .AddDueWorkService();
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        var desk = host.Services.GetRequiredService<ServiceDesk>();

        await desk.ReceiveAsync(new InboundContact
        {
            Channel = Channel.Email,
            Kind = InteractionKind.Message,
            OccurredAt = Instant.FromDateTimeOffset(time.GetUtcNow()),
            ExternalId = "m1@example.com",
            Subject = "Parcel damaged",
            Identity = [ContactPoint.Email("anna@example.com")],
        }, TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromMinutes(61));

        // The service sleeps on the fake time provider, so advancing it wakes the service. It may arm its next timer
        // just after an advance, so the test keeps advancing a minute at a time until the breach arrives.
        for (var step = 0; step < 600 && !breached.Task.IsCompleted; step++)
        {
            await Task.WhenAny(breached.Task, Task.Delay(50, TestContext.Current.CancellationToken));
            time.Advance(TimeSpan.FromMinutes(1));
        }

        var breach = await breached.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Instant.FromUtc(2026, 1, 5, 10, 0), breach.At);
        Assert.Single(host.Services.GetServices<IHostedService>());
    }

    private sealed class BreachObserver(TaskCompletionSource<ServiceDeskEvent> breached) : IServiceDeskObserver
    {
        public ValueTask OnEventAsync(ServiceDeskEvent serviceDeskEvent, CancellationToken cancellationToken)
        {
            if (serviceDeskEvent.Kind == ServiceDeskEventKind.SlaBreached)
            {
                breached.TrySetResult(serviceDeskEvent);
            }

            return ValueTask.CompletedTask;
        }
    }
}
