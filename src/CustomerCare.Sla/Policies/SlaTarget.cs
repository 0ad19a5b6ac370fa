using System.Globalization;
using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using NodaTime;

namespace CustomerCare.Sla.Policies;

/// <summary>
/// One promise: a <see cref="Kind"/> of response or resolution within a <see cref="Duration"/> of business time on a
/// <see cref="Calendar"/>, with warnings when a share of it is used up.
/// </summary>
/// <remarks>
/// <para>
/// The calendar decides what counts: a business calendar counts business hours only, and an always-open calendar
/// (<c>BusinessCalendar.AlwaysOpen</c>) counts elapsed time around the clock. A warning at 75 % is due when three
/// quarters of the duration is used up, in the same business time.
/// </para>
/// <para>This type is immutable and thread-safe when its calendar is.</para>
/// </remarks>
public sealed class SlaTarget
{
    private readonly int[] _warningPercentages;

    /// <summary>Initializes a new target.</summary>
    /// <param name="kind">What the target measures, such as <see cref="SlaTargetKind.FirstResponse"/>.</param>
    /// <param name="duration">The business time allowed, positive.</param>
    /// <param name="calendar">The calendar that counts the business time.</param>
    /// <param name="warningPercentages">The shares of <paramref name="duration"/>, 1 to 99 percent, at which warnings are due, such as 50, 75 and 90; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">
    /// <paramref name="kind"/> is <c>default</c>, <paramref name="duration"/> is not positive, or a warning percentage is
    /// outside 1 to 99 or repeated. The exception lists every problem.
    /// </exception>
    public SlaTarget(SlaTargetKind kind, Duration duration, IBusinessCalendar calendar, IEnumerable<int>? warningPercentages = null)
    {
        Guard.NotNull(calendar);
        int[] warnings = [.. warningPercentages ?? []];
        var errors = new List<ValidationError>();
        Validate(kind, duration, warnings, $"target '{kind}'", errors);
        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }

        Kind = kind;
        Duration = duration;
        Calendar = calendar;
        _warningPercentages = [.. warnings.Order()];
    }

    /// <summary>Gets what the target measures.</summary>
    public SlaTargetKind Kind { get; }

    /// <summary>Gets the business time allowed.</summary>
    public Duration Duration { get; }

    /// <summary>Gets the calendar that counts the business time.</summary>
    public IBusinessCalendar Calendar { get; }

    /// <summary>Gets the warning percentages in ascending order; empty when the target has no warnings.</summary>
    public IReadOnlyList<int> WarningPercentages => _warningPercentages;

    /// <summary>Returns the deadline for a clock that starts at <paramref name="start"/> and never pauses.</summary>
    /// <param name="start">The start instant.</param>
    /// <returns>The earliest instant at which <see cref="Duration"/> of business time has passed.</returns>
    /// <exception cref="CustomerCareException">The calendar has no business time within its search horizon.</exception>
    public Instant GetDeadline(Instant start) => Calendar.AddBusinessTime(start, Duration);

    /// <summary>Returns the business time after which the warning at <paramref name="percentage"/> is due: the share rounded up to the nanosecond.</summary>
    /// <param name="percentage">The percentage, 1 to 99.</param>
    /// <returns>The share of <see cref="Duration"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percentage"/> is outside 1 to 99.</exception>
    public Duration GetWarningAmount(int percentage)
    {
        Guard.InRange(percentage, 1, 99);
        var nanoseconds = Duration.ToInt128Nanoseconds() * percentage;
        return Duration.FromNanoseconds((nanoseconds + 99) / 100);
    }

    /// <summary>Returns the target as text, such as <c>first-response 0:04:00:00 on berlin-support (warnings at 50, 75, 90 %)</c>.</summary>
    /// <returns>The kind, duration, calendar and warnings.</returns>
    public override string ToString()
    {
        var calendar = Calendar is BusinessCalendar business ? business.Id : Calendar.ToString();
        var text = string.Create(CultureInfo.InvariantCulture, $"{Kind} {CalendarText.Format(Duration)} on {calendar}");
        return _warningPercentages.Length == 0 ? text : text + $" (warnings at {string.Join(", ", _warningPercentages)} %)";
    }

    internal static void Validate(SlaTargetKind kind, Duration duration, int[] warnings, string path, List<ValidationError> errors)
    {
        if (kind == default)
        {
            errors.Add(new ValidationError(path, "has no kind", "Use SlaTargetKind.FirstResponse, NextResponse, Resolution or SlaTargetKind.Parse(name)."));
        }

        if (duration <= Duration.Zero)
        {
            errors.Add(new ValidationError(
                path,
                "has a duration that is not positive",
                "Give the business time allowed, such as Duration.FromHours(4).",
                CalendarText.Format(duration)));
        }

        for (var i = 0; i < warnings.Length; i++)
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{path} → warnings[{i}]");
            if (warnings[i] is < 1 or > 99)
            {
                errors.Add(new ValidationError(
                    where,
                    "is outside 1 to 99 percent",
                    "Give warning thresholds as percentages of the duration, such as 50, 75 and 90; the breach itself is 100 %.",
                    warnings[i].ToString(CultureInfo.InvariantCulture)));
            }
            else if (Array.IndexOf(warnings, warnings[i]) < i)
            {
                errors.Add(new ValidationError(where, "repeats an earlier warning", "List each percentage once.", warnings[i].ToString(CultureInfo.InvariantCulture)));
            }
        }
    }
}
