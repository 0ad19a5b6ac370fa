using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Metrics;
using NodaTime.Calendars;

namespace CustomerCare;

/// <content>Improvement ideas from the signals in the recorded history.</content>
public sealed partial class ServiceDesk
{
    /// <summary>
    /// Detects improvement signals in a metrics snapshot (a contact reason's volume rising, SLA attainment falling, a
    /// knowledge gap) and submits one improvement idea per signal, raising <see cref="ServiceDeskEventKind.IdeaProposed"/>.
    /// </summary>
    /// <param name="snapshot">Metrics over the recorded history, such as <c>KvpMetricsAccumulator.Snapshot(now)</c>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The submitted ideas, including ideas submitted for the same signal earlier in the same week.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="IIdeaStore"/> is registered.</exception>
    /// <remarks>
    /// A signal proposes one idea per ISO week in the organization's time zone: calling this again in the same week
    /// returns the stored idea and raises no event.
    /// </remarks>
    public async Task<IReadOnlyList<ImprovementIdea>> ProposeIdeasAsync(KvpMetricsSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(snapshot);
        var store = _ideas ?? throw new InvalidOperationException(
            "No IIdeaStore is registered, so ideas cannot be submitted. Register one with UseInMemoryStores(), a database storage, or your own implementation.");

        var now = _clock.GetCurrentInstant();
        var date = now.InZone(_settings.Zone).Date;
        var week = $"{WeekYearRules.Iso.GetWeekYear(date)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(date):00}";
        var ideas = new List<ImprovementIdea>();
        foreach (var signal in _signals.Detect(snapshot))
        {
            var proposed = signal.ToIdea(IdeaId.New(now), now);
            var stored = await store.SubmitAsync(proposed, $"signal:{signal.Kind}:{signal.Subject}:{week}", cancellationToken).ConfigureAwait(false);
            ideas.Add(stored);
            if (stored.Id == proposed.Id)
            {
                await PublishAsync(new ServiceDeskEvent(ServiceDeskEventKind.IdeaProposed, now, default) { Detail = stored.Id.ToString() }, cancellationToken).ConfigureAwait(false);
            }
        }

        return ideas;
    }
}
