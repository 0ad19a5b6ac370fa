namespace CustomerCare.Samples.ServiceDesk.Simulation;

internal sealed partial class ServiceDeskSimulation
{
    /// <summary>
    /// Handles the events the desk raised during the last call: offers are scheduled for acceptance, lifecycle changes
    /// and SLA breaches go to the metrics. Openings and self-service answers are recorded where the contact is known.
    /// </summary>
    /// <remarks>
    /// The metrics get each event at the simulated now rather than at the event's own instant, because due work reports
    /// events at the instant they fell due, which can lie before records the simulation has already made.
    /// </remarks>
    private void HandleEvents()
    {
        var now = _clock.Now;
        foreach (var e in _events.Drain())
        {
            if (_selfServed.Contains(e.Concern) || !_cases.TryGetValue(e.Concern, out var concern))
            {
                continue;
            }

            switch (e.Kind)
            {
                case ServiceDeskEventKind.Routed when e.Agent is { } agentId && _agents.TryGetValue(agentId, out var agent):
                    _counters.Offers++;
                    Schedule(e.At + _behaviour.AcceptDelay(), new Happening.Accept(concern, agent));
                    break;

                case ServiceDeskEventKind.Escalated:
                    _counters.Escalations++;
                    var rank = e.Level?.Rank ?? concern.Level + 1;
                    concern.Level = Math.Max(concern.Level, rank);
                    concern.Agent = null;
                    _recorder.Escalated(concern.Id, rank, now);
                    break;

                case ServiceDeskEventKind.SlaWarning:
                    _counters.SlaWarnings++;
                    break;

                case ServiceDeskEventKind.SlaBreached when e.SlaTarget is { } target:
                    _counters.SlaBreaches++;
                    if (concern.SlaRecorded.Add(target.ToString()))
                    {
                        _recorder.Sla(concern.Id, TargetName(target), met: false, now);
                    }

                    break;

                case ServiceDeskEventKind.Resolved:
                    _counters.Resolved++;
                    _recorder.Resolved(concern.Id, now);
                    break;

                case ServiceDeskEventKind.Reopened:
                    concern.Resolved = false;
                    _recorder.Reopened(concern.Id, now);
                    break;

                case ServiceDeskEventKind.Closed:
                case ServiceDeskEventKind.Cancelled:
                    _recorder.Closed(concern.Id, now);
                    break;

                case ServiceDeskEventKind.KnowledgeProposed:
                    _counters.KnowledgeProposals++;
                    break;

                case ServiceDeskEventKind.IdeaProposed:
                    _counters.IdeasProposedByDesk++;
                    break;
            }
        }
    }
}
