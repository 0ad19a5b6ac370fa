namespace CustomerCare.Kvp.Signals;

/// <summary>The tail probabilities the signal tests need.</summary>
internal static class SignalStatistics
{
    /// <summary>
    /// Returns P(X ≥ k) for X ~ Binomial(n, p), summed in log space so large n does not underflow.
    /// </summary>
    public static double BinomialUpperTail(long k, long n, double p)
    {
        Guard.Invariant(n >= 0 && p is > 0 and < 1);
        if (k <= 0)
        {
            return 1;
        }

        if (k > n)
        {
            return 0;
        }

        var logP = Math.Log(p);
        var logQ = Math.Log(1 - p);
        var logNFactorial = LogFactorial(n);
        double sum = 0;
        for (var i = k; i <= n; i++)
        {
            var logTerm = logNFactorial - LogFactorial(i) - LogFactorial(n - i) + (i * logP) + ((n - i) * logQ);
            sum += Math.Exp(logTerm);
        }

        return Math.Min(1, sum);
    }

    /// <summary>Returns P(Z ≥ z) for a standard normal Z.</summary>
    public static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>Returns ln(n!) exactly by summation for small n and by Stirling's series beyond.</summary>
    public static double LogFactorial(long n)
    {
        if (n < 2)
        {
            return 0;
        }

        if (n <= 256)
        {
            double sum = 0;
            for (var i = 2; i <= n; i++)
            {
                sum += Math.Log(i);
            }

            return sum;
        }

        double x = n;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x)) + (1 / (12 * x)) - (1 / (360 * x * x * x));
    }

    /// <summary>The complementary error function, with relative error below 1.2e-7 (Numerical Recipes' erfcc).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        double[] coefficients = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];
        var polynomial = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            polynomial = coefficients[i] + (t * polynomial);
        }

        var r = t * Math.Exp((-z * z) + polynomial);
        return x >= 0 ? r : 2 - r;
    }
}
