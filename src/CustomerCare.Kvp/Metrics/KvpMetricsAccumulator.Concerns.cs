using System.Runtime.InteropServices;
using CustomerCare.Kvp.History;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

public sealed partial class KvpMetricsAccumulator
{
    /// <summary>Feeds one concern event.</summary>
    /// <param name="concernEvent">The event. A bad event is counted and reported, never thrown.</param>
    public void Add(in ConcernEvent concernEvent)
    {
        _recordsProcessed++;
        _instruments?.RecordProcessed(ConcernEventType);
        ProcessDeadlines(concernEvent.OccurredAt);

        if (concernEvent.Concern == default)
        {
            ReportBad(BadRecordKind.MissingField, ConcernEventType, concernEvent.Position, default, "The event names no concern; it was not applied.");
            return;
        }

        if (concernEvent.Kind is ConcernEventKind.Opened or ConcernEventKind.FollowUpOpened)
        {
            Open(concernEvent);
            return;
        }

        if (_outOfScope.Contains(concernEvent.Concern))
        {
            return;
        }

        if (!_concerns.TryGetValue(concernEvent.Concern, out var state))
        {
            ReportBad(BadRecordKind.UnknownConcern, ConcernEventType, concernEvent.Position, concernEvent.Concern,
                $"The {concernEvent.Kind} event names a concern that was never opened or is no longer kept; it was not applied.");
            return;
        }

        var at = ClampToConcern(state, concernEvent.OccurredAt, ConcernEventType, concernEvent.Position);
        switch (concernEvent.Kind)
        {
            case ConcernEventKind.StateChanged when IsDefined(concernEvent.Status):
                ChangeStatus(state, concernEvent.Status, at, concernEvent.Position);
                break;
            case ConcernEventKind.StateChanged:
                ReportBad(BadRecordKind.UnknownValue, ConcernEventType, concernEvent.Position, state.Id,
                    $"The status {(int)concernEvent.Status} is not defined; the state change was not applied.");
                break;
            case ConcernEventKind.Resolved:
                ChangeStatus(state, ConcernStatus.Resolved, at, concernEvent.Position);
                break;
            case ConcernEventKind.Closed:
                ChangeStatus(state, ConcernStatus.Closed, at, concernEvent.Position);
                break;
            case ConcernEventKind.Reopened when state.Status == ConcernStatus.Resolved:
                ChangeStatus(state, ConcernStatus.Open, at, concernEvent.Position);
                break;
            case ConcernEventKind.Reopened:
                ReportBad(BadRecordKind.InvalidTransition, ConcernEventType, concernEvent.Position, state.Id,
                    $"A concern in status {state.Status} cannot be reopened, only a resolved one; a closed concern gets a follow-up instead. The event was not applied.");
                break;
            case ConcernEventKind.Escalated:
                Escalate(state, concernEvent);
                break;
            default:
                ReportBad(BadRecordKind.UnknownValue, ConcernEventType, concernEvent.Position, state.Id,
                    $"The event kind {(int)concernEvent.Kind} is not defined; it was not applied.");
                break;
        }
    }

    private Instant ClampToConcern(ConcernState state, Instant at, string recordType, long position)
    {
        if (at < state.LastEventAt)
        {
            ReportBad(BadRecordKind.OutOfOrder, recordType, position, state.Id,
                $"The record at {at} is earlier than the concern's previous event at {state.LastEventAt}; it was applied at {state.LastEventAt}.");
            return state.LastEventAt;
        }

        state.LastEventAt = at;
        return at;
    }

    private void Open(in ConcernEvent e)
    {
        if (_concerns.ContainsKey(e.Concern) || _outOfScope.Contains(e.Concern))
        {
            ReportBad(BadRecordKind.DuplicateOpen, ConcernEventType, e.Position, e.Concern, "The concern is already open; the opening event was not applied.");
            return;
        }

        var reason = e.Reason;
        ConcernState? original = null;
        if (e.Kind == ConcernEventKind.FollowUpOpened)
        {
            if (e.FollowUpOf == default)
            {
                ReportBad(BadRecordKind.MissingField, ConcernEventType, e.Position, e.Concern,
                    "The follow-up names no original concern; it was opened as a new concern without a reopen.");
            }
            else if (_concerns.TryGetValue(e.FollowUpOf, out original) && reason == default)
            {
                reason = original.Reason;
            }
        }

        if ((_openedWithin is { } window && !window.Contains(e.OccurredAt)) || !IsInReasonScope(reason))
        {
            _outOfScope.Add(e.Concern);
            return;
        }

        if (e.Kind == ConcernEventKind.FollowUpOpened && e.FollowUpOf != default)
        {
            CountFollowUp(original);
        }

        var channel = e.Channel;
        if (channel == default)
        {
            ReportBad(BadRecordKind.MissingField, ConcernEventType, e.Position, e.Concern, "The opening event names no channel; the concern was opened on channel 'unknown'.");
            channel = UnknownChannel;
        }

        var reasonState = ReasonOf(reason);
        var product = reasonState.Product;
        var state = new ConcernState(e.Concern, e.OccurredAt, e.Customer, channel, reasonState.Reason, Math.Max(1, e.Level.Rank), reasonState, product);
        _concerns.Add(e.Concern, state);

        _concernsOpened++;
        _unresolved++;
        _instruments?.AddUnresolved(1);
        reasonState.Concerns++;
        var date = DateOf(e.OccurredAt);
        CollectionsMarshal.GetValueRefOrAddDefault(reasonState.DailyConcerns, date, out _)++;
        product.Concerns++;
        product.Day(date).Created++;
        _all.Concerns++;
        _all.Day(date).Created++;
        PublishRates();
    }

    private void CountFollowUp(ConcernState? original)
    {
        if (original is null)
        {
            // The original was closed longer ago than the retention, so whether it was already counted as reopened is
            // unknown. It counts once more; FollowUpsOfForgottenConcerns shows how often that happened.
            _followUpsOfForgotten++;
            _reopenedResolved++;
            return;
        }

        original.FirstContactResolutionBroken = true;
        if (!original.Reopened && original.EverResolved)
        {
            original.Reopened = true;
            _reopenedResolved++;
        }
    }

    private void ChangeStatus(ConcernState state, ConcernStatus to, Instant at, long position)
    {
        if (state.Status == ConcernStatus.Closed)
        {
            ReportBad(BadRecordKind.InvalidTransition, ConcernEventType, position, state.Id,
                $"The concern is closed and cannot move to {to}; a later contact opens a follow-up concern. The event was not applied.");
            return;
        }

        if (state.Status == to)
        {
            return;
        }

        AccumulateStatusTime(state, at);
        var wasUnresolved = state.IsUnresolved;
        state.Status = to;
        if (wasUnresolved && !state.IsUnresolved)
        {
            OnResolved(state, at);
        }
        else if (!wasUnresolved && state.IsUnresolved)
        {
            OnReopened(state, at);
        }

        if (to == ConcernStatus.Closed)
        {
            OnClosed(state, at);
        }

        PublishRates();
    }

    private void AccumulateStatusTime(ConcernState state, Instant at)
    {
        var since = state.StatusSince;
        state.StatusSince = at;
        if (at <= since || !state.IsUnresolved)
        {
            return;
        }

        var seconds = (at - since).TotalSeconds;
        var business = _calendar is null ? 0 : Math.Max(0, _calendar.BusinessTimeBetween(since, at).TotalSeconds);
        switch (state.Status)
        {
            case ConcernStatus.New or ConcernStatus.Open:
                state.RequesterWaitSeconds += seconds;
                state.RequesterWaitBusinessSeconds += business;
                break;
            case ConcernStatus.Pending:
                state.AgentWaitSeconds += seconds;
                state.AgentWaitBusinessSeconds += business;
                break;
            case ConcernStatus.OnHold:
                state.RequesterWaitSeconds += seconds;
                state.RequesterWaitBusinessSeconds += business;
                state.OnHoldSeconds += seconds;
                state.OnHoldBusinessSeconds += business;
                break;
        }
    }

    private void OnResolved(ConcernState state, Instant at)
    {
        _unresolved--;
        _instruments?.AddUnresolved(-1);
        state.LastResolvedAt = at;
        var date = DateOf(at);
        state.Product.Day(date).Resolved++;
        _all.Day(date).Resolved++;
        if (state.EverResolved)
        {
            return;
        }

        state.EverResolved = true;
        state.FirstResolvedAt = at;
        _resolvedConcerns++;
        _firstResolution.AddSpan(state.OpenedAt, at, out var seconds, out var business);
        _instruments?.RecordFirstResolution(seconds, _calendar is null ? null : business, state.Channel.Name);
        _fcrPending++;
        _deadlines.Enqueue(new Deadline(DeadlineKind.FirstContactResolution, state), (at + _fcrWindow).ToUnixTimeTicks());
    }

    private void OnReopened(ConcernState state, Instant at)
    {
        _unresolved++;
        _instruments?.AddUnresolved(1);
        var date = DateOf(at);
        state.Product.Day(date).Reopened++;
        _all.Day(date).Reopened++;
        state.FirstContactResolutionBroken = true;
        if (!state.Reopened)
        {
            state.Reopened = true;
            _reopenedResolved++;
        }
    }

    private void OnClosed(ConcernState state, Instant at)
    {
        _fullResolution.AddSpan(state.OpenedAt, state.LastResolvedAt, out _, out _);
        _requesterWait.AddMeasured(state.RequesterWaitSeconds, state.RequesterWaitBusinessSeconds);
        _agentWait.AddMeasured(state.AgentWaitSeconds, state.AgentWaitBusinessSeconds);
        _onHold.AddMeasured(state.OnHoldSeconds, state.OnHoldBusinessSeconds);
        state.HasUnansweredMessage = false;

        var channel = ChannelOf(state.Channel);
        channel.ResolvedConcerns++;
        channel.ResolvedConcernCost += state.Cost;
        var level = LevelOf(state.DeepestRank);
        level.ResolvedConcerns++;
        level.ResolvedConcernCost += state.Cost;

        _deadlines.Enqueue(new Deadline(DeadlineKind.ForgetClosedConcern, state), (at + _retention).ToUnixTimeTicks());
    }

    private void Escalate(ConcernState state, in ConcernEvent e)
    {
        var rank = e.Level.Rank;
        if (rank < 1)
        {
            ReportBad(BadRecordKind.MissingField, ConcernEventType, e.Position, state.Id, "The escalation names no level deeper than self-service; it was not applied.");
            return;
        }

        if (state.Status == ConcernStatus.Closed)
        {
            ReportBad(BadRecordKind.InvalidTransition, ConcernEventType, e.Position, state.Id, "The concern is closed and cannot be escalated; the event was not applied.");
            return;
        }

        // Ranks up to 63 are remembered per concern, so a concern escalated to the same level twice counts once for it.
        // Deeper levels are rare and count each time.
        var bit = rank < 64 ? 1UL << rank : 0UL;
        if (bit != 0 && (state.EscalatedRanks & bit) != 0)
        {
            return;
        }

        if (state.EscalatedRanks == 0)
        {
            _escalatedConcerns++;
        }

        state.EscalatedRanks |= bit == 0 ? 1UL : bit;
        state.DeepestRank = Math.Max(state.DeepestRank, rank);
        LevelOf(rank).EscalatedConcerns++;
        PublishRates();
    }

    private void DecideFirstContactResolution(ConcernState state)
    {
        _fcrPending--;
        if (state.FirstContactResolutionDecided || state.CustomerContacts == 0)
        {
            return;
        }

        state.FirstContactResolutionDecided = true;
        var resolved = state.CustomerContacts == 1 && !state.FirstContactResolutionBroken && !state.Reopened;
        _fcrDecided++;
        state.ReasonState.FirstContactDecided++;
        state.Product.FirstContactDecided++;
        if (resolved)
        {
            _fcrResolved++;
            state.ReasonState.FirstContactResolved++;
            state.Product.FirstContactResolved++;
        }

        PublishRates();
    }

    private void ForgetClosedConcern(ConcernState state)
    {
        if (_concerns.TryGetValue(state.Id, out var kept) && ReferenceEquals(kept, state))
        {
            _concerns.Remove(state.Id);
        }
    }
}
