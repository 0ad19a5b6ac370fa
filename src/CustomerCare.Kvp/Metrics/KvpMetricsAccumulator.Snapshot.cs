using CustomerCare.Core;
using CustomerCare.Kvp.Diagnostics;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

public sealed partial class KvpMetricsAccumulator
{
    private const double VitalFewShare = 0.8;

    /// <summary>Returns every metric as of <paramref name="asOf"/>. Feeding may go on afterwards.</summary>
    /// <param name="asOf">
    /// The instant the snapshot describes, usually the current time or the end of an imported history. Windows that end
    /// by then are decided first; backlog ages are measured to it.
    /// </param>
    /// <returns>The snapshot.</returns>
    public KvpMetricsSnapshot Snapshot(Instant asOf)
    {
        ProcessDeadlines(asOf);

        var badCounts = new Dictionary<BadRecordKind, long>();
        foreach (var kind in Enum.GetValues<BadRecordKind>())
        {
            if (_badRecordCounts[(int)kind] > 0)
            {
                badCounts[kind] = _badRecordCounts[(int)kind];
            }
        }

        var pareto = BuildPareto();
        var snapshot = new KvpMetricsSnapshot
        {
            AsOf = asOf,
            TimeZone = _zone,
            RecordsProcessed = _recordsProcessed,
            ConcernsOpened = _concernsOpened,
            UnresolvedConcerns = _unresolved,
            CustomerContacts = _customerContacts,
            FirstResponseTime = _firstResponse.ToMetric(),
            NextResponseTime = _nextResponse.ToMetric(),
            FirstResolutionTime = _firstResolution.ToMetric(),
            FullResolutionTime = _fullResolution.ToMetric(),
            RequesterWaitTime = _requesterWait.ToMetric(),
            AgentWaitTime = _agentWait.ToMetric(),
            OnHoldTime = _onHold.ToMetric(),
            HandleTime = _handleTime.ToMetric() with { Business = null },
            FirstContactResolution = new Ratio(_fcrResolved, _fcrDecided),
            FirstContactResolutionPending = _fcrPending,
            ReopenRate = new Ratio(_reopenedResolved, _resolvedConcerns),
            FollowUpsOfForgottenConcerns = _followUpsOfForgotten,
            EscalationRate = new Ratio(_escalatedConcerns, _concernsOpened),
            RepeatContactRate = new Ratio(_repeatContacts, _concernContacts),
            Levels = BuildLevels(),
            Channels = BuildChannels(),
            Pareto = pareto,
            Reasons = [.. pareto.Select(p => BuildReason(_reasons[p.Reason]))],
            Backlog = BuildBacklog(_all),
            BacklogAges = BuildBacklogAges(asOf),
            SlaTargets = BuildSlaTargets(_all),
            Surveys = BuildSurveys(),
            SelfService = BuildSelfService(),
            Costs = BuildCosts(),
            KnowledgeGaps = [.. _knowledgeGaps
                .Select(g => new KnowledgeGap(g.Key, g.Value.Count, g.Value.LastSeen))
                .OrderByDescending(g => g.Count)
                .ThenBy(g => g.Terms, StringComparer.Ordinal)],
            UngroupedKnowledgeGapQueries = _ungroupedKnowledgeGaps,
            Products = [.. _products.Values.OrderByDescending(p => p.Concerns).ThenBy(p => p.Product).Select(BuildProduct)],
            BadRecordCounts = badCounts,
            BadRecords = [.. _badRecords],
        };

        Log.MetricsSnapshotCreated(_logger, asOf, _recordsProcessed, snapshot.TotalBadRecords);
        return snapshot;
    }

    private List<ParetoEntry> BuildPareto()
    {
        var ranked = _reasons.Values.Where(r => r.Concerns > 0).OrderByDescending(r => r.Concerns).ThenBy(r => r.Reason).ToList();
        var total = ranked.Sum(r => r.Concerns);
        var entries = new List<ParetoEntry>(ranked.Count);
        long cumulative = 0;
        var vitalFewReached = false;
        foreach (var reason in ranked)
        {
            cumulative += reason.Concerns;
            var cumulativeShare = (double)cumulative / total;
            entries.Add(new ParetoEntry(reason.Reason, reason.Concerns, (double)reason.Concerns / total, cumulativeShare, !vitalFewReached));
            vitalFewReached |= cumulativeShare >= VitalFewShare;
        }

        return entries;
    }

    private static ReasonFigures BuildReason(ReasonState reason) =>
        new(
            reason.Reason,
            reason.Concerns,
            reason.Contacts,
            new Ratio(reason.FirstContactResolved, reason.FirstContactDecided),
            new Ratio(reason.CsatSatisfied, reason.CsatAnswers),
            [.. reason.DailyConcerns.OrderBy(d => d.Key).Select(d => new DailyCount(d.Key, d.Value))]);

    private List<LevelFigures> BuildLevels()
    {
        var figures = new List<LevelFigures>();
        foreach (var (rank, level) in _levels.OrderBy(l => l.Key))
        {
            var handled = level.HandleTime.Count;
            figures.Add(new LevelFigures(
                rank,
                new Ratio(level.EscalatedConcerns, _concernsOpened),
                handled,
                DurationSummary.From(level.HandleTime),
                _costModel is null ? null : level.Cost,
                _costModel is null || handled == 0 ? null : level.Cost / handled,
                level.ResolvedConcerns,
                _costModel is null || level.ResolvedConcerns == 0 ? null : level.ResolvedConcernCost / level.ResolvedConcerns));
        }

        return figures;
    }

    private List<ChannelFigures> BuildChannels()
    {
        var figures = new List<ChannelFigures>();
        foreach (var (channel, state) in _channels.OrderByDescending(c => c.Value.Contacts).ThenBy(c => c.Key))
        {
            figures.Add(new ChannelFigures(
                channel,
                state.Contacts,
                _customerContacts == 0 ? null : (double)state.Contacts / _customerContacts,
                DurationSummary.From(state.HandleTime),
                _costModel is null ? null : state.Cost,
                _costModel is null || state.Contacts == 0 ? null : state.Cost / state.Contacts,
                state.ResolvedConcerns,
                _costModel is null || state.ResolvedConcerns == 0 ? null : state.ResolvedConcernCost / state.ResolvedConcerns));
        }

        return figures;
    }

    private static List<BacklogPoint> BuildBacklog(SeriesState series)
    {
        var points = new List<BacklogPoint>();
        if (series.Days.Count == 0)
        {
            return points;
        }

        var first = series.Days.Keys.Min();
        var last = series.Days.Keys.Max();
        long open = 0;
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            series.Days.TryGetValue(date, out var day);
            var created = day?.Created ?? 0;
            var resolved = day?.Resolved ?? 0;
            var reopened = day?.Reopened ?? 0;
            open += created + reopened - resolved;
            points.Add(new BacklogPoint(date, created, resolved, reopened, open));
        }

        return points;
    }

    private List<BacklogAgeBucket> BuildBacklogAges(Instant asOf)
    {
        var counts = new long[_ageBucketStarts.Length + 1];
        foreach (var concern in _concerns.Values)
        {
            if (!concern.IsUnresolved)
            {
                continue;
            }

            var age = asOf > concern.OpenedAt ? asOf - concern.OpenedAt : Duration.Zero;
            var bucket = 0;
            while (bucket < _ageBucketStarts.Length && age >= _ageBucketStarts[bucket])
            {
                bucket++;
            }

            counts[bucket]++;
        }

        var buckets = new List<BacklogAgeBucket>(counts.Length);
        for (var i = 0; i < counts.Length; i++)
        {
            var minimum = i == 0 ? Duration.Zero : _ageBucketStarts[i - 1];
            Duration? maximum = i < _ageBucketStarts.Length ? _ageBucketStarts[i] : null;
            buckets.Add(new BacklogAgeBucket(minimum, maximum, counts[i]));
        }

        return buckets;
    }

    private static List<SlaTargetFigures> BuildSlaTargets(SeriesState series) =>
        [.. series.SlaTargets
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new SlaTargetFigures(
                t.Key,
                new Ratio(t.Value.Met, t.Value.Met + t.Value.Breached),
                t.Value.Pending,
                [.. t.Value.Daily.OrderBy(d => d.Key).Select(d => new SlaDailyPoint(d.Key, d.Value.Met, d.Value.Breached))]))];

    private SurveyFigures BuildSurveys()
    {
        var npsAnswers = _promoters + _passives + _detractors;
        return new SurveyFigures(
            new Ratio(_surveyResponses, _surveyInvitations),
            new Ratio(_csatSatisfied, _csatAnswers),
            _promoters,
            _passives,
            _detractors,
            npsAnswers == 0 ? null : 100.0 * (_promoters - _detractors) / npsAnswers,
            _effortAnswers,
            _effortAnswers == 0 ? null : (double)_effortSum / _effortAnswers,
            _effortAnswers == 0 ? null : 100.0 * (_effortAgree - _effortDisagree) / _effortAnswers);
    }

    private SelfServiceFigures BuildSelfService() =>
        new(
            new Ratio(_selfServiceSessions, _concernsOpened),
            new Ratio(_selfServiceResolutions, _selfServiceResolutions + _concernsOpened),
            new Ratio(_botVerified, _botVerified + _botFailed),
            new Ratio(_botHandOffs, _botConversations),
            _botResolutions - _botVerified - _botFailed);

    private CostFigures? BuildCosts()
    {
        if (_costModel is null)
        {
            return null;
        }

        var firstLevelRate = _costModel.GetCostPerHandledMinute(CompetenceLevel.FirstLevel);
        var observed = _levels.TryGetValue(1, out var firstLevel) && firstLevel.HandleTime.Count > 0;
        var minutes = observed
            ? (decimal)(firstLevel!.HandleTime.Sum / firstLevel.HandleTime.Count / 60)
            : (decimal)_costModel.AssumedFirstLevelHandleTime.TotalMinutes;
        var firstLevelCost = minutes * firstLevelRate;
        var automatedResolutions = _selfServiceResolutions + _botVerified;
        return new CostFigures(
            _costModel.Currency,
            _handledCost,
            _automatedCost,
            automatedResolutions,
            firstLevelCost,
            observed,
            automatedResolutions * (firstLevelCost - _costModel.CostPerAutomatedContact));
    }

    private ProductFigures BuildProduct(SeriesState product) =>
        new(
            product.Product,
            product.Concerns,
            product.Contacts,
            new Ratio(product.FirstContactResolved, product.FirstContactDecided),
            new Ratio(product.CsatSatisfied, product.CsatAnswers),
            BuildBacklog(product),
            BuildSlaTargets(product),
            [.. product.UsageNotes.OrderByDescending(n => n.Value).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => new UsageNoteCount(n.Key, n.Value))],
            product.OtherUsageNotes);
}
