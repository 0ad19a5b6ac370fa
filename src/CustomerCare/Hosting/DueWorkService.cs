using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>Calls <see cref="ServiceDesk.ProcessDueWorkAsync"/> whenever work falls due, until the host stops.</summary>
internal sealed class DueWorkService(IServiceProvider services) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var desk = services.GetRequiredService<ServiceDesk>();
        var clock = services.GetRequiredService<IClock>();
        var maxInterval = services.GetRequiredService<IOptions<CustomerCareOptions>>().Value.DueWorkMaxInterval;
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = (ILogger?)services.GetService<ILoggerFactory>()?.CreateLogger<DueWorkService>() ?? NullLogger.Instance;

        Log.DueWorkServiceStarted(logger, maxInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var result = await desk.ProcessDueWorkAsync(clock.GetCurrentInstant(), stoppingToken).ConfigureAwait(false);
                wait = result.MoreDue ? TimeSpan.Zero : await UntilNextDueAsync(desk, clock, maxInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A failed pass (a database outage) must not end the service; it is logged and retried.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.DueWorkServiceFailed(logger, exception, maxInterval);
                wait = maxInterval;
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }

        Log.DueWorkServiceStopped(logger);
    }

    private static async Task<TimeSpan> UntilNextDueAsync(ServiceDesk desk, IClock clock, TimeSpan maxInterval, CancellationToken cancellationToken)
    {
        if (await desk.GetNextDueAsync(cancellationToken).ConfigureAwait(false) is not { } next)
        {
            return maxInterval;
        }

        var until = (next - clock.GetCurrentInstant()).ToTimeSpan();
        return until <= TimeSpan.Zero ? TimeSpan.Zero : until < maxInterval ? until : maxInterval;
    }
}
