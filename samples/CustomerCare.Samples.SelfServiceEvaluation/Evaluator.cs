using System.Diagnostics;
using CustomerCare.Core;
using CustomerCare.SelfService;

namespace CustomerCare.Samples.SelfServiceEvaluation;

/// <summary>Settings of one evaluation run.</summary>
internal sealed record EvaluationSettings(double TargetPrecision, double SuggestThreshold, double CalibrationShare, int HeldOutIntents, int Seed);

/// <summary>
/// Calibrates a matcher on a held-out share of the training file, picks the answer threshold for the target
/// precision, retrains on the whole training file and measures the test file.
/// </summary>
internal static class Evaluator
{
    public static EvaluationReport Run(IMatcherFactory factory, IReadOnlyList<LabelledQuery> train, IReadOnlyList<LabelledQuery> test, EvaluationSettings settings)
    {
        var (matcher, calibration, thresholds, buildTime) = Prepare(factory, train, settings);

        var stopwatch = Stopwatch.StartNew();
        var outcomes = test.Select(q => Outcome.Of(q, matcher.Match(new MatchRequest(q.Text, 3)))).ToList();
        var matchTime = stopwatch.Elapsed;

        return new EvaluationReport(factory.Name, calibration, thresholds, outcomes, buildTime, matchTime);
    }

    public static HeldOutReport RunHeldOut(IMatcherFactory factory, IReadOnlyList<LabelledQuery> train, IReadOnlyList<LabelledQuery> test, EvaluationSettings settings)
    {
        var random = new Random(settings.Seed);
        var heldOut = train.Select(q => q.Intent).Distinct().Order().ToArray();
        random.Shuffle(heldOut);
        var unknown = heldOut.Take(settings.HeldOutIntents).ToHashSet();

        var known = train.Where(q => !unknown.Contains(q.Intent)).ToList();
        var (matcher, _, thresholds, _) = Prepare(factory, known, settings);

        var outcomes = test.Select(q => Outcome.Of(q, matcher.Match(new MatchRequest(q.Text, 3)))).ToList();
        return new HeldOutReport([.. unknown.Order()], thresholds, outcomes.Where(o => unknown.Contains(o.Gold)).ToList(), outcomes.Where(o => !unknown.Contains(o.Gold)).ToList());
    }

    private static (IKnowledgeMatcher Matcher, ConfidenceCalibration Calibration, ConfidenceThresholds Thresholds, TimeSpan BuildTime) Prepare(
        IMatcherFactory factory, IReadOnlyList<LabelledQuery> train, EvaluationSettings settings)
    {
        var (fit, holdOut) = StratifiedSplit(train, settings.CalibrationShare, settings.Seed);
        var probe = factory.Create(fit, ConfidenceCalibration.Uncalibrated);
        var samples = ConfidenceCalibration.CollectSamples(probe, holdOut);
        var calibration = ConfidenceCalibration.Fit(samples);
        var thresholds = ConfidenceThresholds.ForTargetPrecision(samples, calibration, settings.TargetPrecision, settings.SuggestThreshold);

        var stopwatch = Stopwatch.StartNew();
        var matcher = factory.Create(train, calibration);
        return (matcher, calibration, thresholds, stopwatch.Elapsed);
    }

    private static (List<LabelledQuery> Fit, List<LabelledQuery> HoldOut) StratifiedSplit(IReadOnlyList<LabelledQuery> queries, double holdOutShare, int seed)
    {
        var random = new Random(seed);
        var fit = new List<LabelledQuery>();
        var holdOut = new List<LabelledQuery>();
        foreach (var group in queries.GroupBy(q => q.Intent).OrderBy(g => g.Key))
        {
            var items = group.ToArray();
            random.Shuffle(items);
            var take = (int)Math.Round(items.Length * holdOutShare);
            holdOut.AddRange(items.Take(take));
            fit.AddRange(items.Skip(take));
        }

        return (fit, holdOut);
    }
}

/// <summary>What the matcher did with one test query.</summary>
internal sealed record Outcome(ContactReason Gold, ContactReason? Predicted, double Confidence, bool InTop3)
{
    public bool Correct => Predicted == Gold;

    public static Outcome Of(LabelledQuery query, MatchResult result) =>
        new(query.Intent, result.TopIntent, result.Confidence, result.Candidates.Any(c => c.Intent == query.Intent));
}
