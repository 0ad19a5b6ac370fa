using System.Globalization;
using CustomerCare.Samples.SelfServiceEvaluation;
using CustomerCare.SelfService;
using CustomerCare.SelfService.MachineLearning;

// Evaluates the self-service matchers on a labelled CSV pair (text, intent), such as BANKING77 (PolyAI, CC BY 4.0):
//   dotnet run -c Release --project samples/CustomerCare.Samples.SelfServiceEvaluation -- \
//     --train train.csv --test test.csv [--matcher bm25|ml|all] [--target-precision 0.99] [--held-out 10] [--seed 7]
var arguments = Arguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine(Arguments.Usage);
    return 2;
}

var train = LabelledCsv.Read(arguments.Train);
var test = LabelledCsv.Read(arguments.Test);
foreach (var file in new[] { train, test })
{
    Console.WriteLine($"{Path.GetFileName(file.Path)}: {file.Queries.Count} labelled queries, {file.Queries.Select(q => q.Intent).Distinct().Count()} intents, {file.Rejected.Count} rows rejected");
    foreach (var reason in file.Rejected.Take(5))
    {
        Console.WriteLine($"  rejected {reason}");
    }

    foreach (var label in file.RenamedLabels)
    {
        Console.WriteLine($"  label {label}");
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"target precision {arguments.Settings.TargetPrecision:0.###}, calibration share {arguments.Settings.CalibrationShare:0.##}, seed {arguments.Settings.Seed}"));
Console.WriteLine();

foreach (var factory in Factories.For(arguments.Matcher, arguments.Values))
{
    var report = Evaluator.Run(factory, train.Queries, test.Queries, arguments.Settings);
    Console.WriteLine(report.Format());
    if (arguments.Settings.HeldOutIntents > 0)
    {
        var heldOut = Evaluator.RunHeldOut(factory, train.Queries, test.Queries, arguments.Settings);
        Console.WriteLine(heldOut.Format());
    }
}

return 0;

internal static class Factories
{
    private static Bm25MatcherOptions Bm25Options(IReadOnlyDictionary<string, string> values)
    {
        double Number(string name, double fallback) =>
            values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

        var defaults = Bm25MatcherOptions.Default;
        return new Bm25MatcherOptions
        {
            K1 = Number("--k1", defaults.K1),
            B = Number("--b", defaults.B),
            QuestionWeight = Number("--question-weight", defaults.QuestionWeight),
            TitleWeight = Number("--title-weight", defaults.TitleWeight),
            BodyWeight = Number("--body-weight", defaults.BodyWeight),
            SupportingVariants = (int)Number("--supporting-variants", defaults.SupportingVariants),
            SupportingVariantShare = Number("--supporting-variant-share", defaults.SupportingVariantShare),
            Stemming = !values.ContainsKey("--no-stemming"),
        };
    }

    public static IEnumerable<IMatcherFactory> For(string matcher, IReadOnlyDictionary<string, string> values)
    {
        if (matcher is "bm25" or "all")
        {
            yield return new Bm25MatcherFactory(Bm25Options(values));
        }

        if (matcher is "ml" or "all")
        {
            var defaults = IntentClassifierOptions.Default;
            yield return new IntentClassifierFactory(new IntentClassifierOptions
            {
                WordNGramLength = values.TryGetValue("--word-ngrams", out var words) ? int.Parse(words, CultureInfo.InvariantCulture) : defaults.WordNGramLength,
                CharacterNGramLength = values.TryGetValue("--char-ngrams", out var chars) ? int.Parse(chars, CultureInfo.InvariantCulture) : defaults.CharacterNGramLength,
                MaximumIterations = values.TryGetValue("--iterations", out var iterations) ? int.Parse(iterations, CultureInfo.InvariantCulture) : defaults.MaximumIterations,
            });
        }
    }
}

internal sealed record Arguments(string Train, string Test, string Matcher, EvaluationSettings Settings, IReadOnlyDictionary<string, string> Values)
{
    public const string Usage =
        "usage: --train FILE --test FILE [--matcher bm25|ml|all] [--target-precision 0.99] [--suggest 0.3] [--calibration-share 0.1] [--held-out 10] [--seed 7]\n" +
        "       BM25 settings: [--k1 1.2] [--b 0.75] [--question-weight 3] [--title-weight 2] [--body-weight 1] [--supporting-variants 2] [--supporting-variant-share 0.5] [--no-stemming]\n" +
        "       ML.NET settings: [--word-ngrams 2] [--char-ngrams 3] [--iterations 50]";

    public static Arguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var isFlag = i + 1 == args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i]] = isFlag ? "true" : args[++i];
        }

        if (!values.TryGetValue("--train", out var train) || !values.TryGetValue("--test", out var test))
        {
            return null;
        }

        double Number(string name, double fallback) =>
            values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

        return new Arguments(
            train,
            test,
            values.GetValueOrDefault("--matcher", "all"),
            new EvaluationSettings(
                Number("--target-precision", 0.99),
                Number("--suggest", 0.3),
                Number("--calibration-share", 0.1),
                (int)Number("--held-out", 10),
                (int)Number("--seed", 7)),
            values);
    }
}
