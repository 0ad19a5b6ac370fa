namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>Collects the service desk's events, so the simulation handles them after each call in the order they
/// happened.</summary>
internal sealed class EventBuffer : IServiceDeskObserver
{
    private readonly Lock _gate = new();
    private readonly List<ServiceDeskEvent> _events = [];

    public ValueTask OnEventAsync(ServiceDeskEvent serviceDeskEvent, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _events.Add(serviceDeskEvent);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Returns the events collected since the last call and empties the buffer.</summary>
    public ServiceDeskEvent[] Drain()
    {
        lock (_gate)
        {
            var drained = _events.ToArray();
            _events.Clear();
            return drained;
        }
    }
}
