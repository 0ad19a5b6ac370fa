namespace CustomerCare.Kvp.Metrics;

/// <summary>
/// A mergeable quantile sketch of non-negative durations in seconds with a relative error of at most 0.5 %, in the
/// manner of DDSketch (Masson, Rim and Lee, VLDB 2019): logarithmic buckets of ratio γ = 1.005 / 0.995.
/// </summary>
/// <remarks>
/// Memory is one counter per occupied bucket range: about 2,650 counters cover 1 ms to 10 years, whatever the number
/// of samples. Values below <see cref="MinimumValue"/> count as zero. The estimate for a bucket is clamped to the
/// smallest and largest sample seen, so the extreme quantiles are exact.
/// </remarks>
internal sealed class QuantileSketch
{
    /// <summary>The relative accuracy α: an estimate lies within α × value of the sample it stands for.</summary>
    public const double RelativeAccuracy = 0.005;

    /// <summary>The smallest value in seconds that has a bucket of its own; smaller values count as zero.</summary>
    public const double MinimumValue = 0.001;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double InverseLogGamma = 1 / Math.Log(Gamma);

    private int[] _counts = new int[128];
    private int _maxIndex = -1;
    private long _zeroCount;
    private double _min = double.PositiveInfinity;
    private double _max;

    public long Count { get; private set; }

    public double Sum { get; private set; }

    public double SumOfSquares { get; private set; }

    public void Add(double seconds)
    {
        Guard.Invariant(seconds >= 0 && !double.IsNaN(seconds));

        Count++;
        Sum += seconds;
        SumOfSquares += seconds * seconds;
        _min = Math.Min(_min, seconds);
        _max = Math.Max(_max, seconds);
        if (seconds < MinimumValue)
        {
            _zeroCount++;
            return;
        }

        var index = (int)Math.Ceiling(Math.Log(seconds / MinimumValue) * InverseLogGamma);
        if (index >= _counts.Length)
        {
            Array.Resize(ref _counts, Math.Max(index + 1, _counts.Length * 2));
        }

        _counts[index]++;
        _maxIndex = Math.Max(_maxIndex, index);
    }

    /// <summary>
    /// Returns the estimate of the lower nearest-rank quantile: the sample at zero-based rank ⌊q · (n − 1)⌋ of the
    /// sorted samples, or null when the sketch is empty.
    /// </summary>
    public double? Quantile(double q)
    {
        Guard.Invariant(q is >= 0 and <= 1);
        if (Count == 0)
        {
            return null;
        }

        var rank = (long)Math.Floor(q * (Count - 1));
        if (rank < _zeroCount)
        {
            return Math.Max(_min, 0);
        }

        var cumulative = _zeroCount;
        for (var i = 0; i <= _maxIndex; i++)
        {
            cumulative += _counts[i];
            if (cumulative > rank)
            {
                var estimate = MinimumValue * 2 * Math.Pow(Gamma, i) / (Gamma + 1);
                return Math.Clamp(estimate, _min, _max);
            }
        }

        return _max;
    }

    public void Merge(QuantileSketch other)
    {
        if (other._maxIndex >= _counts.Length)
        {
            Array.Resize(ref _counts, other._maxIndex + 1);
        }

        for (var i = 0; i <= other._maxIndex; i++)
        {
            _counts[i] += other._counts[i];
        }

        _maxIndex = Math.Max(_maxIndex, other._maxIndex);
        _zeroCount += other._zeroCount;
        Count += other.Count;
        Sum += other.Sum;
        SumOfSquares += other.SumOfSquares;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }
}
