using System.Globalization;

namespace CustomerCare.SelfService;

/// <summary>
/// Turns <see cref="MatchSignals"/> into a probability that the top intent is right:
/// σ(<see cref="Intercept"/> + <see cref="MarginWeight"/>·margin + <see cref="StrengthWeight"/>·strength), a logistic
/// (Platt) calibration fitted on labelled queries.
/// </summary>
/// <remarks>
/// <para>
/// Raw BM25 scores are unbounded and depend on the query's length and words, so a fixed score threshold means
/// something different for every query. The margin to the next intent and the strength relative to a perfect match
/// are comparable across queries, and the fit maps them to the observed share of correct answers.
/// </para>
/// <para>
/// Fit on queries that the matcher did not index: a query matched against its own copy always looks certain. The
/// evaluation tool in the samples folder holds a tenth of the training file out for this.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct ConfidenceCalibration
{
    private const int MaxIterations = 50;

    /// <summary>Initializes a new calibration.</summary>
    /// <param name="intercept">The constant term.</param>
    /// <param name="marginWeight">The weight of <see cref="MatchSignals.Margin"/>.</param>
    /// <param name="strengthWeight">The weight of <see cref="MatchSignals.Strength"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A coefficient is not a finite number.</exception>
    public ConfidenceCalibration(double intercept, double marginWeight, double strengthWeight)
    {
        Intercept = RequireFinite(intercept);
        MarginWeight = RequireFinite(marginWeight);
        StrengthWeight = RequireFinite(strengthWeight);
    }

    /// <summary>
    /// Gets a starting calibration for a knowledge base without labelled queries: a clear lead of a strong match
    /// gives about 0.95, a tie or a weak match stays below 0.5. Fit your own as soon as you have labelled data.
    /// </summary>
    public static ConfidenceCalibration Uncalibrated { get; } = new(-5, 5, 3);

    /// <summary>Gets the constant term.</summary>
    public double Intercept { get; }

    /// <summary>Gets the weight of the margin.</summary>
    public double MarginWeight { get; }

    /// <summary>Gets the weight of the strength.</summary>
    public double StrengthWeight { get; }

    /// <summary>Returns the calibrated confidence for <paramref name="signals"/>.</summary>
    /// <param name="signals">The signals of a match.</param>
    /// <returns>A probability in [0, 1].</returns>
    public double Apply(MatchSignals signals)
    {
        var z = Intercept + (MarginWeight * signals.Margin) + (StrengthWeight * signals.Strength);
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>
    /// Fits a calibration to labelled samples by regularized logistic regression (Newton's method), so that the
    /// confidence matches the share of correct top intents among samples with similar signals.
    /// </summary>
    /// <param name="samples">Matches of queries that the matcher did not index, each with whether its top intent was right.</param>
    /// <param name="regularization">The L2 penalty on the two weights, which keeps them finite when the samples separate perfectly; 0.01 by default.</param>
    /// <returns>The fitted calibration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="samples"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="samples"/> holds fewer than 10 samples, or only correct or only wrong ones, from which no calibration can be learned.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="regularization"/> is negative or not a number.</exception>
    public static ConfidenceCalibration Fit(IEnumerable<CalibrationSample> samples, double regularization = 0.01)
    {
        Guard.NotNull(samples);
        if (!(regularization >= 0) || double.IsInfinity(regularization))
        {
            throw new ArgumentOutOfRangeException(nameof(regularization), regularization, "The penalty must be zero or a positive finite number.");
        }

        var data = samples.ToArray();
        var correct = data.Count(s => s.Correct);
        if (data.Length < 10 || correct == 0 || correct == data.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Fitting needs at least 10 samples with both correct and wrong matches, but got {data.Length} samples of which {correct} are correct. Label more queries."),
                nameof(samples));
        }

        // Newton-Raphson on the penalized log-likelihood; three parameters, so the Hessian is solved directly.
        var w = new double[3];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var gradient = new double[3];
            var hessian = new double[3, 3];
            foreach (var sample in data)
            {
                Span<double> x = [1, sample.Signals.Margin, sample.Signals.Strength];
                var p = 1 / (1 + Math.Exp(-((w[0] * x[0]) + (w[1] * x[1]) + (w[2] * x[2]))));
                var error = (sample.Correct ? 1 : 0) - p;
                var curvature = Math.Max(p * (1 - p), 1e-12);
                for (var i = 0; i < 3; i++)
                {
                    gradient[i] += error * x[i];
                    for (var j = 0; j < 3; j++)
                    {
                        hessian[i, j] += curvature * x[i] * x[j];
                    }
                }
            }

            for (var i = 1; i < 3; i++)
            {
                gradient[i] -= regularization * w[i];
                hessian[i, i] += regularization;
            }

            hessian[0, 0] += 1e-9;
            var step = Solve3(hessian, gradient);
            var change = 0.0;
            for (var i = 0; i < 3; i++)
            {
                w[i] += step[i];
                change = Math.Max(change, Math.Abs(step[i]));
            }

            if (change < 1e-8)
            {
                break;
            }
        }

        return new ConfidenceCalibration(w[0], w[1], w[2]);
    }

    /// <summary>Matches every query and records whether the top intent was the labelled one, as input for <see cref="Fit"/>.</summary>
    /// <param name="matcher">The matcher, built without these queries.</param>
    /// <param name="queries">The labelled queries.</param>
    /// <returns>One sample per query; queries that match nothing give a wrong sample with zero signals.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matcher"/> or <paramref name="queries"/> is null.</exception>
    public static IReadOnlyList<CalibrationSample> CollectSamples(IKnowledgeMatcher matcher, IEnumerable<LabelledQuery> queries)
    {
        Guard.NotNull(matcher);
        Guard.NotNull(queries);

        var samples = new List<CalibrationSample>();
        foreach (var query in queries)
        {
            var result = matcher.Match(new MatchRequest(query.Text, 1));
            samples.Add(new CalibrationSample(result.Signals, result.TopIntent == query.Intent));
        }

        return samples;
    }

    /// <summary>Returns the coefficients as text.</summary>
    /// <returns>Text such as <c>σ(-5 + 5·margin + 3·strength)</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"σ({Intercept:0.####} + {MarginWeight:0.####}·margin + {StrengthWeight:0.####}·strength)");

    private static double[] Solve3(double[,] a, double[] b)
    {
        // Gaussian elimination with partial pivoting on a copy.
        var m = new double[3, 4];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                m[i, j] = a[i, j];
            }

            m[i, 3] = b[i];
        }

        for (var col = 0; col < 3; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < 3; row++)
            {
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col]))
                {
                    pivot = row;
                }
            }

            for (var j = 0; j < 4; j++)
            {
                (m[col, j], m[pivot, j]) = (m[pivot, j], m[col, j]);
            }

            for (var row = col + 1; row < 3; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var j = col; j < 4; j++)
                {
                    m[row, j] -= factor * m[col, j];
                }
            }
        }

        var x = new double[3];
        for (var i = 2; i >= 0; i--)
        {
            var sum = m[i, 3];
            for (var j = i + 1; j < 3; j++)
            {
                sum -= m[i, j] * x[j];
            }

            x[i] = sum / m[i, i];
        }

        return x;
    }

    private static double RequireFinite(double value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null) =>
        double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(name, value, "Coefficients must be finite numbers.");
}
