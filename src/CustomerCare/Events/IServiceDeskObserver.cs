namespace CustomerCare;

/// <summary>
/// Receives the events of the service desk, for notifications, dashboards or the host's own records. Register one or
/// more with <see cref="ServiceDeskBuilderExtensions.AddServiceDeskObserver{TObserver}(ICustomerCareBuilder)"/>.
/// </summary>
/// <remarks>
/// Observers run in the order they were registered, after the change they report is stored. An observer that throws
/// is logged (event <c>ObserverFailed</c>) and the others still run; the operation that raised the event succeeds.
/// Observers are called concurrently from parallel operations, so implementations must be thread-safe, and they should
/// return quickly: queue slow work instead of doing it inline.
/// </remarks>
public interface IServiceDeskObserver
{
    /// <summary>Handles one event.</summary>
    /// <param name="serviceDeskEvent">The event.</param>
    /// <param name="cancellationToken">Cancels the handling, with the operation that raised the event.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    ValueTask OnEventAsync(ServiceDeskEvent serviceDeskEvent, CancellationToken cancellationToken);
}
