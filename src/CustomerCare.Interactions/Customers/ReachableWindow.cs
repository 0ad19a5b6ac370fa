using NodaTime;

namespace CustomerCare.Interactions.Customers;

/// <summary>A weekly time window in which a customer can be reached, in the customer's time zone.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct ReachableWindow
{
    /// <summary>Initializes a window.</summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="from">The local start time, inclusive.</param>
    /// <param name="to">The local end time, exclusive; later than <paramref name="from"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day, or <paramref name="to"/> is not later than <paramref name="from"/>.</exception>
    public ReachableWindow(IsoDayOfWeek day, LocalTime from, LocalTime to)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Pass a day from Monday to Sunday.");
        }

        if (to <= from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The end {to} must be later than the start {from}. Split a window that crosses midnight into two.");
        }

        Day = day;
        From = from;
        To = to;
    }

    /// <summary>Gets the day of the week.</summary>
    public IsoDayOfWeek Day { get; }

    /// <summary>Gets the local start time, inclusive.</summary>
    public LocalTime From { get; }

    /// <summary>Gets the local end time, exclusive.</summary>
    public LocalTime To { get; }

    /// <summary>Returns whether <paramref name="time"/> on <paramref name="day"/> falls in this window.</summary>
    /// <param name="day">The local day of the week.</param>
    /// <param name="time">The local time.</param>
    /// <returns><see langword="true"/> when the day matches and the time is within [<see cref="From"/>, <see cref="To"/>).</returns>
    public bool Contains(IsoDayOfWeek day, LocalTime time) => day == Day && time >= From && time < To;
}
