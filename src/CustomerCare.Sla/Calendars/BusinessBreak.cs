using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// A partial-day closure on one local date, such as a staff meeting from 12:00 to 14:00.
/// </summary>
/// <remarks>
/// <para>
/// A break closes its local times on its date, whichever day's hours they belong to, so it can also close the early
/// part of an overnight shift that started the day before. Its hours stay within the date: the end is after the
/// start, or <c>24:00</c>. A calendar rejects a break that overlaps none of the hours on its date.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class BusinessBreak : IEquatable<BusinessBreak>
{
    /// <summary>Initializes a new break.</summary>
    /// <param name="date">The local date of the break.</param>
    /// <param name="hours">The closed hours on that date; a calendar rejects hours that run past midnight.</param>
    /// <param name="reason">The reason, such as <c>staff meeting</c>, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty or only white space; pass null for a break without a reason.</exception>
    public BusinessBreak(LocalDate date, LocalTimeRange hours, string? reason = null)
    {
        Date = date;
        Hours = hours;
        Reason = reason is null ? null : Guard.NotNullOrWhiteSpace(reason).Trim();
    }

    /// <summary>Gets the local date of the break.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the closed hours on <see cref="Date"/>.</summary>
    public LocalTimeRange Hours { get; }

    /// <summary>Gets the reason, or <see langword="null"/>.</summary>
    public string? Reason { get; }

    /// <summary>Returns whether both breaks have the same date, hours and reason.</summary>
    /// <param name="other">The break to compare with.</param>
    /// <returns><see langword="true"/> when the breaks are equal.</returns>
    public bool Equals([NotNullWhen(true)] BusinessBreak? other) =>
        other is not null && Date == other.Date && Hours == other.Hours && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as BusinessBreak);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Date, Hours, Reason);

    /// <summary>Returns the break as text, such as <c>2026-06-12 12:00-14:00</c>.</summary>
    /// <returns>The date and the hours.</returns>
    public override string ToString() => CalendarText.Format(Date) + " " + Hours;

    /// <summary>Returns whether both breaks are equal.</summary>
    /// <param name="left">The first break.</param>
    /// <param name="right">The second break.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(BusinessBreak? left, BusinessBreak? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether the breaks differ.</summary>
    /// <param name="left">The first break.</param>
    /// <param name="right">The second break.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(BusinessBreak? left, BusinessBreak? right) => !(left == right);
}
