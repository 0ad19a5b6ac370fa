using System.Globalization;

namespace CustomerCare.SelfService;

/// <summary>
/// The "did this help?" votes that customers gave one article. Matchers use them to rank helpful articles higher.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ArticleFeedback
{
    /// <summary>Initializes new totals.</summary>
    /// <param name="helpful">The number of "it helped" votes, zero or more.</param>
    /// <param name="notHelpful">The number of "it did not help" votes, zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="helpful"/> or <paramref name="notHelpful"/> is negative.</exception>
    public ArticleFeedback(int helpful, int notHelpful)
    {
        Helpful = Guard.InRange(helpful, 0, int.MaxValue);
        NotHelpful = Guard.InRange(notHelpful, 0, int.MaxValue);
    }

    /// <summary>Gets the number of "it helped" votes.</summary>
    public int Helpful { get; }

    /// <summary>Gets the number of "it did not help" votes.</summary>
    public int NotHelpful { get; }

    /// <summary>Gets the number of votes.</summary>
    public int Total => Helpful + NotHelpful;

    /// <summary>Returns the totals with one more vote.</summary>
    /// <param name="helpful"><see langword="true"/> for "it helped", <see langword="false"/> for "it did not help".</param>
    /// <returns>The new totals.</returns>
    public ArticleFeedback Add(bool helpful) => helpful ? new(Helpful + 1, NotHelpful) : new(Helpful, NotHelpful + 1);

    /// <summary>
    /// Returns the share of helpful votes, pulled towards one half by <paramref name="priorVotes"/> imaginary votes so
    /// that an article with one vote does not jump to the top or the bottom.
    /// </summary>
    /// <param name="priorVotes">The weight of the neutral prior, as a number of votes; zero or more.</param>
    /// <returns>A share in [0, 1]: 0.5 without votes, towards 1 for helpful and towards 0 for unhelpful articles.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorVotes"/> is negative or not a number.</exception>
    public double SmoothedHelpfulShare(double priorVotes)
    {
        if (!(priorVotes >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(priorVotes), priorVotes, "The prior must be zero or more votes.");
        }

        var total = Total + priorVotes;
        return total == 0 ? 0.5 : (Helpful + (priorVotes / 2)) / total;
    }

    /// <summary>Returns the votes as text, such as <c>12 helpful, 3 not helpful</c>.</summary>
    /// <returns>The votes as text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Helpful} helpful, {NotHelpful} not helpful");
}
