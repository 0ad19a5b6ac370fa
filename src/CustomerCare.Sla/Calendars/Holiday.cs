using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace CustomerCare.Sla.Calendars;

/// <summary>
/// A holiday of a business calendar: a local date, once or every year, on which the calendar is closed all day.
/// </summary>
/// <remarks>
/// <para>
/// A holiday closes its whole local date in the calendar's time zone, from midnight to the next midnight, also the
/// part of an overnight shift from the day before that runs into it, and also special hours of a date override on the
/// same date. An annual holiday on 29 February falls on leap years only.
/// </para>
/// <para>
/// A deactivated holiday (<see cref="IsActive"/> is <see langword="false"/>) stays in the definition but closes
/// nothing. Imported public holidays use this for regional observances on which the organization works.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class Holiday : IEquatable<Holiday>
{
    private Holiday(LocalDate? date, AnnualDate? annualDate, string? name, bool isActive)
    {
        Date = date;
        AnnualDate = annualDate;
        Name = name;
        IsActive = isActive;
    }

    /// <summary>Gets the date of a one-off holiday, or <see langword="null"/> for an annual one.</summary>
    public LocalDate? Date { get; }

    /// <summary>Gets the month and day of an annual holiday, or <see langword="null"/> for a one-off one.</summary>
    public AnnualDate? AnnualDate { get; }

    /// <summary>Gets whether the holiday recurs every year on <see cref="AnnualDate"/>.</summary>
    public bool IsAnnual => AnnualDate.HasValue;

    /// <summary>Gets the name, such as <c>Christmas Day</c>, or <see langword="null"/> when it has none.</summary>
    public string? Name { get; }

    /// <summary>Gets whether the holiday closes the calendar; a deactivated holiday closes nothing.</summary>
    public bool IsActive { get; }

    /// <summary>Creates a one-off holiday.</summary>
    /// <param name="date">The local date that the holiday closes.</param>
    /// <param name="name">The name, or <see langword="null"/>; surrounding white space is removed.</param>
    /// <param name="isActive">Whether the holiday closes the calendar; <see langword="true"/> unless deactivated.</param>
    /// <returns>The holiday.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or only white space; pass null for a holiday without a name.</exception>
    public static Holiday OnDate(LocalDate date, string? name = null, bool isActive = true) =>
        new(date, null, NormalizeName(name), isActive);

    /// <summary>Creates a holiday that recurs every year on the same month and day.</summary>
    /// <param name="date">The month and day, such as 25 December.</param>
    /// <param name="name">The name, or <see langword="null"/>; surrounding white space is removed.</param>
    /// <param name="isActive">Whether the holiday closes the calendar; <see langword="true"/> unless deactivated.</param>
    /// <returns>The holiday.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or only white space; pass null for a holiday without a name.</exception>
    public static Holiday Annual(AnnualDate date, string? name = null, bool isActive = true) =>
        new(null, date, NormalizeName(name), isActive);

    /// <summary>Returns a copy with <see cref="IsActive"/> set to <paramref name="isActive"/>.</summary>
    /// <param name="isActive">Whether the copy closes the calendar.</param>
    /// <returns>The copy, or this holiday when nothing changes.</returns>
    public Holiday WithActive(bool isActive) => isActive == IsActive ? this : new Holiday(Date, AnnualDate, Name, isActive);

    /// <summary>Returns whether the holiday falls on <paramref name="date"/>, whether or not it is active.</summary>
    /// <param name="date">The local date to test.</param>
    /// <returns><see langword="true"/> for the holiday's date, or for every date with its month and day when it is annual.</returns>
    public bool FallsOn(LocalDate date) =>
        Date is { } once
            ? once == date
            : AnnualDate!.Value.Month == date.Month && AnnualDate.Value.Day == date.Day;

    /// <summary>Returns whether both holidays have the same date, name and activity.</summary>
    /// <param name="other">The holiday to compare with.</param>
    /// <returns><see langword="true"/> when the holidays are equal.</returns>
    public bool Equals([NotNullWhen(true)] Holiday? other) =>
        other is not null
        && Date == other.Date
        && AnnualDate == other.AnnualDate
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && IsActive == other.IsActive;

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => Equals(obj as Holiday);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Date, AnnualDate, Name, IsActive);

    /// <summary>Returns the holiday as text, such as <c>2026-12-24 Christmas Eve</c> or <c>every 12-25 Christmas Day (inactive)</c>.</summary>
    /// <returns>The date, the name and, when deactivated, a marker.</returns>
    public override string ToString()
    {
        var when = Date is { } once ? CalendarText.Format(once) : "every " + CalendarText.Format(AnnualDate!.Value);
        var name = Name is null ? string.Empty : " " + Name;
        return when + name + (IsActive ? string.Empty : " (inactive)");
    }

    /// <summary>Returns whether both holidays are equal.</summary>
    /// <param name="left">The first holiday.</param>
    /// <param name="right">The second holiday.</param>
    /// <returns><see langword="true"/> when both are null or equal.</returns>
    public static bool operator ==(Holiday? left, Holiday? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether the holidays differ.</summary>
    /// <param name="left">The first holiday.</param>
    /// <param name="right">The second holiday.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(Holiday? left, Holiday? right) => !(left == right);

    private static string? NormalizeName(string? name) => name is null ? null : Guard.NotNullOrWhiteSpace(name, nameof(name)).Trim();
}
