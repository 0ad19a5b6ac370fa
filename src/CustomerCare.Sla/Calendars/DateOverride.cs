using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// Special hours on one local date that replace the weekly hours of that date, such as shorter hours on
/// 31 December or a Saturday opening before a product launch.
/// </summary>
/// <remarks>
/// <para>
/// The override replaces the hours that start on its date, so an empty override closes a day that the weekly hours
/// open, and an override on a weekend day opens it. An overnight shift of the day before still runs into the date,
/// because that shift belongs to the day it starts on; close the early hours with a <see cref="BusinessBreak"/> or
/// a <see cref="Holiday"/> instead. An active holiday on the same date wins over the override.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class DateOverride : IEquatable<DateOverride>
{
    private readonly LocalTimeRange[] _hours;

    /// <summary>Initializes a new override.</summary>
    /// <param name="date">The local date whose hours are replaced.</param>
    /// <param name="hours">The hours of that date, in any order; empty to close the date. Each may run overnight.</param>
    /// <param name="name">The reason or name, such as <c>New Year's Eve</c>, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="hours"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or only white space; pass null for an override without a name.</exception>
    public DateOverride(LocalDate date, IEnumerable<LocalTimeRange> hours, string? name = null)
    {
        Date = date;
        _hours = [.. Guard.NotNull(hours)];
        Name = name is null ? null : Guard.NotNullOrWhiteSpace(name).Trim();
    }

    /// <summary>Gets the local date whose hours are replaced.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the hours of the date in the order given; empty when the date is closed.</summary>
    public IReadOnlyList<LocalTimeRange> Hours => _hours;

    /// <summary>Gets the reason or name, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>Returns whether both overrides have the same date, hours and name.</summary>
    /// <param name="other">The override to compare with.</param>
    /// <returns><see langword="true"/> when the overrides are equal.</returns>
    public bool Equals([NotNullWhen(true)] DateOverride? other) =>
        other is not null
        && Date == other.Date
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && _hours.AsSpan().SequenceEqual(other._hours);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as DateOverride);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Date, Name, _hours.Length);

    /// <summary>Returns the override as text, such as <c>2026-12-31 09:00-13:00</c> or <c>2026-12-28 closed</c>.</summary>
    /// <returns>The date and the hours.</returns>
    public override string ToString() =>
        CalendarText.Format(Date) + " " + (_hours.Length == 0 ? "closed" : string.Join(", ", _hours));

    /// <summary>Returns whether both overrides are equal.</summary>
    /// <param name="left">The first override.</param>
    /// <param name="right">The second override.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(DateOverride? left, DateOverride? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether the overrides differ.</summary>
    /// <param name="left">The first override.</param>
    /// <param name="right">The second override.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(DateOverride? left, DateOverride? right) => !(left == right);
}
