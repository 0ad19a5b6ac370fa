using System.Globalization;
using CustomerCare.Kvp.Diagnostics;
using CustomerCare.Kvp.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.Kvp.Signals;

/// <summary>
/// Finds the signals in a metrics snapshot that propose improvement ideas: rising contact-reason volume, knowledge
/// gaps and falling SLA attainment.
/// </summary>
/// <remarks>
/// <para>
/// The current window is the last <see cref="SignalOptions.WindowDays"/> local dates up to the snapshot's date; the
/// baseline is the <see cref="SignalOptions.BaselineWindows"/> windows right before it.
/// </para>
/// <para>
/// Volume rise: with c concerns of a reason in the current window and b in the baseline of k windows, equal rates give
/// c ~ Binomial(c + b, 1 / (k + 1)) (the conditional test for two Poisson counts). The signal fires when
/// P(X ≥ c) is below the significance level, c reaches the minimum volume, and c ≥ the minimum increase × b / k. A reason
/// without any baseline concerns has no baseline rate and is not tested.
/// </para>
/// <para>
/// Attainment drop: a one-sided two-proportion z-test with the pooled proportion, firing when the baseline attainment
/// minus the current one reaches the minimum drop and the p-value is below the significance level.
/// </para>
/// <para>Knowledge gap: a term group with at least the minimum number of unmatched queries. This class is thread-safe.</para>
/// </remarks>
public sealed class SignalDetector
{
    private readonly SignalOptions _options;
    private readonly ILogger _logger;

    /// <summary>Initializes a new detector.</summary>
    /// <param name="options">The settings; validated when the detector is created. Null takes the defaults.</param>
    /// <param name="logger">The logger for raised signals; null logs nothing.</param>
    /// <exception cref="Core.CustomerCareValidationException">A setting is invalid; the errors name each.</exception>
    public SignalDetector(SignalOptions? options = null, ILogger<SignalDetector>? logger = null)
    {
        _options = options ?? new SignalOptions();
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Returns every signal in the snapshot, volume rises first, then SLA drops, then knowledge gaps.</summary>
    /// <param name="snapshot">The metrics snapshot.</param>
    /// <returns>The signals, strongest first within each kind.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null.</exception>
    public IReadOnlyList<ImprovementSignal> Detect(KvpMetricsSnapshot snapshot)
    {
        Guard.NotNull(snapshot);

        var today = snapshot.AsOf.InZone(snapshot.TimeZone).Date;
        var currentStart = today.PlusDays(1 - _options.WindowDays);
        var baselineStart = currentStart.PlusDays(-_options.WindowDays * _options.BaselineWindows);

        var signals = new List<ImprovementSignal>();
        signals.AddRange(DetectVolumeRises(snapshot, baselineStart, currentStart, today).OrderBy(s => s.PValue));
        signals.AddRange(DetectSlaDrops(snapshot, baselineStart, currentStart, today).OrderBy(s => s.PValue));
        signals.AddRange(snapshot.KnowledgeGaps
            .Where(g => g.Count >= _options.MinimumKnowledgeGapQueries)
            .Select(g => new ImprovementSignal(SignalKind.KnowledgeGap, g.Terms, g.Count, null, null,
                string.Create(CultureInfo.InvariantCulture, $"{g.Count} self-service queries about \"{g.Terms}\" found no match and were handed off."))));

        foreach (var signal in signals)
        {
            Log.SignalRaised(_logger, signal.Kind, signal.Subject, signal.PValue ?? double.NaN);
        }

        return signals;
    }

    private IEnumerable<ImprovementSignal> DetectVolumeRises(KvpMetricsSnapshot snapshot, LocalDate baselineStart, LocalDate currentStart, LocalDate today)
    {
        var windows = _options.BaselineWindows;
        foreach (var reason in snapshot.Reasons)
        {
            long current = 0;
            long baseline = 0;
            foreach (var day in reason.DailyConcerns)
            {
                if (day.Date >= currentStart && day.Date <= today)
                {
                    current += day.Count;
                }
                else if (day.Date >= baselineStart && day.Date < currentStart)
                {
                    baseline += day.Count;
                }
            }

            var perWindow = (double)baseline / windows;
            if (baseline == 0 || current < _options.MinimumVolume || current < _options.MinimumVolumeIncrease * perWindow)
            {
                continue;
            }

            var pValue = SignalStatistics.BinomialUpperTail(current, current + baseline, 1.0 / (windows + 1));
            if (pValue < _options.SignificanceLevel)
            {
                yield return new ImprovementSignal(SignalKind.ContactReasonVolumeRise, reason.Reason.Code, current, perWindow, pValue,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{current} concerns about {reason.Reason.Code} in the {_options.WindowDays} days to {today:uuuu-MM-dd} against {perWindow:0.#} per window before (p = {pValue:0.####})."));
            }
        }
    }

    private IEnumerable<ImprovementSignal> DetectSlaDrops(KvpMetricsSnapshot snapshot, LocalDate baselineStart, LocalDate currentStart, LocalDate today)
    {
        foreach (var target in snapshot.SlaTargets)
        {
            long currentMet = 0, currentTotal = 0, baselineMet = 0, baselineTotal = 0;
            foreach (var day in target.Daily)
            {
                if (day.Date >= currentStart && day.Date <= today)
                {
                    currentMet += day.Met;
                    currentTotal += day.Met + day.Breached;
                }
                else if (day.Date >= baselineStart && day.Date < currentStart)
                {
                    baselineMet += day.Met;
                    baselineTotal += day.Met + day.Breached;
                }
            }

            if (currentTotal < _options.MinimumSlaOutcomes || baselineTotal == 0)
            {
                continue;
            }

            var current = (double)currentMet / currentTotal;
            var baseline = (double)baselineMet / baselineTotal;
            var pooled = (double)(currentMet + baselineMet) / (currentTotal + baselineTotal);
            var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / currentTotal) + (1.0 / baselineTotal)));
            if (baseline - current < _options.MinimumAttainmentDrop || standardError == 0)
            {
                continue;
            }

            var pValue = SignalStatistics.NormalUpperTail((baseline - current) / standardError);
            if (pValue < _options.SignificanceLevel)
            {
                yield return new ImprovementSignal(SignalKind.SlaAttainmentDrop, target.Target, current, baseline, pValue,
                    string.Create(CultureInfo.InvariantCulture,
                        $"SLA target {target.Target} was met in {current:P1} of {currentTotal} cases in the {_options.WindowDays} days to {today:uuuu-MM-dd} against {baseline:P1} of {baselineTotal} before (p = {pValue:0.####})."));
            }
        }
    }
}
