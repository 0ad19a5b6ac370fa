using System.Globalization;
using System.Text;
using CustomerCare.Core;
using CustomerCare.SelfService;

namespace CustomerCare.Samples.SelfServiceEvaluation;

/// <summary>The figures of one matcher on the test file.</summary>
internal sealed record EvaluationReport(
    string Matcher, ConfidenceCalibration Calibration, ConfidenceThresholds Thresholds, IReadOnlyList<Outcome> Outcomes, TimeSpan BuildTime, TimeSpan MatchTime)
{
    public double Accuracy => Outcomes.Count(o => o.Correct) / (double)Outcomes.Count;

    public double Top3Accuracy => Outcomes.Count(o => o.InTop3) / (double)Outcomes.Count;

    public double MacroF1
    {
        get
        {
            var intents = Outcomes.Select(o => o.Gold).Distinct().ToList();
            var sum = 0.0;
            foreach (var intent in intents)
            {
                var truePositives = Outcomes.Count(o => o.Gold == intent && o.Predicted == intent);
                var predicted = Outcomes.Count(o => o.Predicted == intent);
                var actual = Outcomes.Count(o => o.Gold == intent);
                var precision = predicted == 0 ? 0 : truePositives / (double)predicted;
                var recall = actual == 0 ? 0 : truePositives / (double)actual;
                sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            }

            return sum / intents.Count;
        }
    }

    public IReadOnlyList<Outcome> Answered => Outcomes.Where(o => o.Confidence >= Thresholds.Answer).ToList();

    public double AnsweredShare => Answered.Count / (double)Outcomes.Count;

    public double AnsweredPrecision => Answered.Count == 0 ? 1 : Answered.Count(o => o.Correct) / (double)Answered.Count;

    public double SuggestedShare => Outcomes.Count(o => o.Confidence < Thresholds.Answer && o.Confidence >= Thresholds.Suggest) / (double)Outcomes.Count;

    public IEnumerable<(ContactReason Gold, ContactReason Predicted, int Count)> ConfusedPairs(int count) =>
        Outcomes.Where(o => !o.Correct && o.Predicted is not null)
            .GroupBy(o => (o.Gold, Predicted: o.Predicted!.Value))
            .Select(g => (g.Key.Gold, g.Key.Predicted, g.Count()))
            .OrderByDescending(p => p.Item3).ThenBy(p => p.Gold).ThenBy(p => p.Predicted)
            .Take(count);

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"## {Matcher}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"calibration: {Calibration}; thresholds: {Thresholds}");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("| --- | ---: |");
        Row(text, "test queries", Outcomes.Count.ToString(CultureInfo.InvariantCulture));
        Row(text, "top-1 accuracy", Percent(Accuracy));
        Row(text, "top-3 accuracy", Percent(Top3Accuracy));
        Row(text, "macro-F1", MacroF1.ToString("0.000", CultureInfo.InvariantCulture));
        Row(text, "answered automatically", $"{Percent(AnsweredShare)} ({Answered.Count})");
        Row(text, "precision of automatic answers", Percent(AnsweredPrecision));
        Row(text, "suggested (up to 3 articles)", Percent(SuggestedShare));
        Row(text, "handed off", Percent(1 - AnsweredShare - SuggestedShare));
        Row(text, "build on the training file", $"{BuildTime.TotalMilliseconds:0} ms");
        Row(text, "match per query (mean)", $"{MatchTime.TotalMilliseconds * 1000 / Outcomes.Count:0.0} µs");
        text.AppendLine();
        text.AppendLine("Most confused intent pairs (gold → predicted):");
        text.AppendLine();
        text.AppendLine("| gold | predicted | queries |");
        text.AppendLine("| --- | --- | ---: |");
        foreach (var (gold, predicted, count) in ConfusedPairs(10))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {gold} | {predicted} | {count} |");
        }

        return text.ToString();
    }

    internal static void Row(StringBuilder text, string name, string value) => text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value} |");

    internal static string Percent(double share) => share.ToString("0.0 %", CultureInfo.InvariantCulture);
}

/// <summary>The figures of the unknown-concern test: intents held out of training, then queried.</summary>
internal sealed record HeldOutReport(IReadOnlyList<ContactReason> HeldOut, ConfidenceThresholds Thresholds, IReadOnlyList<Outcome> Unknown, IReadOnlyList<Outcome> Known)
{
    public double UnknownAnsweredShare => Unknown.Count(o => o.Confidence >= Thresholds.Answer) / (double)Unknown.Count;

    public double UnknownHandedOffShare => Unknown.Count(o => o.Confidence < Thresholds.Suggest) / (double)Unknown.Count;

    public double KnownAnsweredShare => Known.Count(o => o.Confidence >= Thresholds.Answer) / (double)Known.Count;

    public double KnownAnsweredPrecision
    {
        get
        {
            var answered = Known.Where(o => o.Confidence >= Thresholds.Answer).ToList();
            return answered.Count == 0 ? 1 : answered.Count(o => o.Correct) / (double)answered.Count;
        }
    }

    public string Format()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Unknown concerns: {HeldOut.Count} intents held out of training ({string.Join(", ", HeldOut)}); thresholds: {Thresholds}");
        text.AppendLine();
        text.AppendLine("| measure | value |");
        text.AppendLine("| --- | ---: |");
        EvaluationReport.Row(text, "held-out intents' test queries", Unknown.Count.ToString(CultureInfo.InvariantCulture));
        EvaluationReport.Row(text, "of them answered automatically", EvaluationReport.Percent(UnknownAnsweredShare));
        EvaluationReport.Row(text, "of them handed off", EvaluationReport.Percent(UnknownHandedOffShare));
        EvaluationReport.Row(text, "known intents answered automatically", EvaluationReport.Percent(KnownAnsweredShare));
        EvaluationReport.Row(text, "precision of those answers", EvaluationReport.Percent(KnownAnsweredPrecision));
        return text.ToString();
    }
}
