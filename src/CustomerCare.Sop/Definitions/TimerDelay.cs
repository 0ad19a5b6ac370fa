using System.Globalization;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// How long after a state is entered a timer fires: elapsed time, business time or business days.
/// </summary>
/// <remarks>
/// Business delays are computed with <see cref="IBusinessCalendar.AddBusinessTime"/> and
/// <see cref="IBusinessCalendar.AddBusinessDays"/> on the calendar that the host passes to the
/// <see cref="ProcedureRunner"/>. This type is immutable and thread-safe.
/// </remarks>
public readonly struct TimerDelay : IEquatable<TimerDelay>
{
    private TimerDelay(TimerDelayKind kind, Duration amount, int days)
    {
        Kind = kind;
        Amount = amount;
        Days = days;
    }

    /// <summary>Gets how the delay counts time.</summary>
    public TimerDelayKind Kind { get; }

    /// <summary>Gets the elapsed or business time; zero for <see cref="TimerDelayKind.BusinessDays"/>.</summary>
    public Duration Amount { get; }

    /// <summary>Gets the number of business days; 0 unless <see cref="Kind"/> is <see cref="TimerDelayKind.BusinessDays"/>.</summary>
    public int Days { get; }

    /// <summary>Gets a value indicating whether computing the due instant needs a business calendar.</summary>
    public bool NeedsCalendar => Kind != TimerDelayKind.Elapsed;

    /// <summary>Returns a delay of elapsed time.</summary>
    /// <param name="amount">The delay, positive.</param>
    /// <returns>The delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative.</exception>
    public static TimerDelay Elapsed(Duration amount) => new(TimerDelayKind.Elapsed, Guard.Positive(amount), 0);

    /// <summary>Returns a delay of business time, such as 4 business hours.</summary>
    /// <param name="amount">The business time, positive.</param>
    /// <returns>The delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is zero or negative.</exception>
    public static TimerDelay BusinessTime(Duration amount) => new(TimerDelayKind.BusinessTime, Guard.Positive(amount), 0);

    /// <summary>Returns a delay of whole business days, such as the 3 business days before a resolved concern closes.</summary>
    /// <param name="days">The number of business days, 1 to 365.</param>
    /// <returns>The delay.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is outside 1 to 365.</exception>
    public static TimerDelay BusinessDays(int days) => new(TimerDelayKind.BusinessDays, Duration.Zero, Guard.InRange(days, 1, 365));

    /// <summary>Returns the instant at which a timer armed at <paramref name="start"/> is due.</summary>
    /// <param name="start">The instant the state was entered.</param>
    /// <param name="calendar">The business calendar; required when <see cref="NeedsCalendar"/> is true.</param>
    /// <returns>The due instant.</returns>
    /// <exception cref="InvalidOperationException">The delay counts business time and <paramref name="calendar"/> is null, or the delay is <c>default</c>.</exception>
    public Instant DueFrom(Instant start, IBusinessCalendar? calendar)
    {
        if (Kind == TimerDelayKind.Elapsed)
        {
            return Amount > Duration.Zero
                ? start + Amount
                : throw new InvalidOperationException("default(TimerDelay) has no length. Create delays with TimerDelay.Elapsed, BusinessTime or BusinessDays.");
        }

        if (calendar is null)
        {
            throw new InvalidOperationException(
                $"A timer of {this} needs a business calendar. Pass an IBusinessCalendar to the ProcedureRunner constructor.");
        }

        return Kind == TimerDelayKind.BusinessTime ? calendar.AddBusinessTime(start, Amount) : calendar.AddBusinessDays(start, Days);
    }

    /// <summary>Returns the delay as text, such as <c>3 business days</c> or <c>4:00:00 business time</c>.</summary>
    /// <returns>The delay as text.</returns>
    public override string ToString() => Kind switch
    {
        TimerDelayKind.BusinessDays => string.Create(CultureInfo.InvariantCulture, $"{Days} business days"),
        TimerDelayKind.BusinessTime => string.Create(CultureInfo.InvariantCulture, $"{Amount:H:mm:ss} business time"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Amount:H:mm:ss} elapsed"),
    };

    /// <summary>Returns whether both delays have the same kind and length.</summary>
    /// <param name="other">The delay to compare with.</param>
    /// <returns><see langword="true"/> when kind, amount and days are equal.</returns>
    public bool Equals(TimerDelay other) => Kind == other.Kind && Amount == other.Amount && Days == other.Days;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TimerDelay other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Amount, Days);

    /// <summary>Returns whether both delays are equal.</summary>
    /// <param name="left">The first delay.</param>
    /// <param name="right">The second delay.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(TimerDelay left, TimerDelay right) => left.Equals(right);

    /// <summary>Returns whether the delays differ.</summary>
    /// <param name="left">The first delay.</param>
    /// <param name="right">The second delay.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(TimerDelay left, TimerDelay right) => !left.Equals(right);
}
