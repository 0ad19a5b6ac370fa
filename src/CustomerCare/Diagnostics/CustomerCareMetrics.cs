using System.Diagnostics.Metrics;

namespace CustomerCare;

/// <summary>
/// Owns the <c>CustomerCare</c> meter. The meter comes from the host's <see cref="IMeterFactory"/> when one is
/// registered, so that the host's telemetry pipeline and tests see it; otherwise it is created here and disposed
/// with the service provider.
/// </summary>
internal sealed class CustomerCareMetrics : IDisposable
{
    private readonly bool _ownsMeter;

    public CustomerCareMetrics(IMeterFactory? meterFactory)
    {
        var options = new MeterOptions(CustomerCareDiagnostics.MeterName)
        {
            Version = typeof(CustomerCareMetrics).Assembly.GetName().Version?.ToString(),
        };

        if (meterFactory is null)
        {
            Meter = new Meter(options);
            _ownsMeter = true;
        }
        else
        {
            Meter = meterFactory.Create(options);
        }
    }

    public Meter Meter { get; }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
