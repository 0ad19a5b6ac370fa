namespace CustomerCare;

/// <content>Publishing events to the observers.</content>
public sealed partial class ServiceDesk
{
    private ValueTask PublishAsync(ServiceDeskEvent serviceDeskEvent, CancellationToken cancellationToken) =>
        PublishAsync(serviceDeskEvent, null, cancellationToken);

    /// <summary>Passes an event to every observer; one that throws is logged and the others still run.</summary>
    private async ValueTask PublishAsync(ServiceDeskEvent serviceDeskEvent, List<ServiceDeskEvent>? sink, CancellationToken cancellationToken)
    {
        sink?.Add(serviceDeskEvent);
        Log.EventRaised(_logger, serviceDeskEvent.Kind, serviceDeskEvent.Concern);
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnEventAsync(serviceDeskEvent, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // An observer is host code; its failure must not undo a stored change or stop the others.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Log.ObserverFailed(_logger, exception, observer.GetType().Name, serviceDeskEvent.Kind, serviceDeskEvent.Concern);
            }
        }
    }
}
