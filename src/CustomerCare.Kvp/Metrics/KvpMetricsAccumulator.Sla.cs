using CustomerCare.Kvp.History;

namespace CustomerCare.Kvp.Metrics;

public sealed partial class KvpMetricsAccumulator
{
    /// <summary>Feeds one SLA outcome.</summary>
    /// <param name="outcome">The outcome. A bad record is counted and reported, never thrown.</param>
    public void Add(in SlaOutcomeRecord outcome)
    {
        _recordsProcessed++;
        _instruments?.RecordProcessed(SlaOutcomeType);
        ProcessDeadlines(outcome.OccurredAt);

        if (string.IsNullOrWhiteSpace(outcome.Target))
        {
            ReportBad(BadRecordKind.MissingField, SlaOutcomeType, outcome.Position, outcome.Concern, "The outcome names no target; it was not applied.");
            return;
        }

        if (!IsDefined(outcome.Outcome))
        {
            ReportBad(BadRecordKind.UnknownValue, SlaOutcomeType, outcome.Position, outcome.Concern,
                $"The outcome {(int)outcome.Outcome} is not defined; it was not applied.");
            return;
        }

        if (_outOfScope.Contains(outcome.Concern))
        {
            return;
        }

        var at = outcome.OccurredAt;
        _concerns.TryGetValue(outcome.Concern, out var state);
        if (state is null)
        {
            ReportBad(BadRecordKind.UnknownConcern, SlaOutcomeType, outcome.Position, outcome.Concern,
                "The outcome names a concern that was never opened or is no longer kept; it counts for the overall attainment without the duplicate check.");
        }
        else
        {
            at = ClampToConcern(state, at, SlaOutcomeType, outcome.Position);
        }

        var target = outcome.Target.Trim();
        if (outcome.Outcome == SlaOutcome.Pending)
        {
            _all.Target(target).Pending++;
            if (state is not null)
            {
                state.Product.Target(target).Pending++;
            }

            return;
        }

        if (state is not null && !RememberFinalOutcome(state, target, outcome))
        {
            return;
        }

        var met = outcome.Outcome == SlaOutcome.Met;
        var date = DateOf(at);
        _all.Target(target).Add(date, met);
        state?.Product.Target(target).Add(date, met);
        _instruments?.RecordSlaOutcome(target, met);
    }

    private bool RememberFinalOutcome(ConcernState state, string target, in SlaOutcomeRecord outcome)
    {
        // Most concerns have one or two targets, so the first lives in fields and only further ones need a list.
        if (state.FirstSlaTarget is null)
        {
            state.FirstSlaTarget = target;
            state.FirstSlaOutcome = outcome.Outcome;
            return true;
        }

        if (string.Equals(state.FirstSlaTarget, target, StringComparison.Ordinal))
        {
            return IsNewOutcome(state, target, state.FirstSlaOutcome, outcome);
        }

        state.MoreSlaOutcomes ??= [];
        foreach (var (known, knownOutcome) in state.MoreSlaOutcomes)
        {
            if (string.Equals(known, target, StringComparison.Ordinal))
            {
                return IsNewOutcome(state, target, knownOutcome, outcome);
            }
        }

        state.MoreSlaOutcomes.Add(new KeyValuePair<string, SlaOutcome>(target, outcome.Outcome));
        return true;
    }

    private bool IsNewOutcome(ConcernState state, string target, SlaOutcome known, in SlaOutcomeRecord outcome)
    {
        if (known != outcome.Outcome)
        {
            ReportBad(BadRecordKind.ConflictingSlaOutcome, SlaOutcomeType, outcome.Position, state.Id,
                $"The target '{target}' was already {known} and cannot become {outcome.Outcome}; the first outcome stands.");
        }

        // The same final outcome again is a repeated delivery, which counts once.
        return false;
    }
}
