using NodaTime;

namespace CustomerCare.Sla.PublicHolidays;

/// <summary>Choices for importing public holidays into a business calendar.</summary>
/// <remarks>Options are not thread-safe; configure them before the import.</remarks>
public sealed class PublicHolidayImportOptions
{
    private readonly HashSet<string> _deactivatedKeys = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<LocalDate> _deactivatedDates = [];

    /// <summary>
    /// Gets or sets whether a holiday closes the date on which it is observed, such as Friday 3 July 2026 for the US
    /// Independence Day on a Saturday, instead of its calendar date. Default: <see langword="true"/>.
    /// </summary>
    public bool UseObservedDates { get; set; } = true;

    /// <summary>
    /// Gets or sets whether holidays get their names in the country's language, such as <c>Fronleichnam</c>, instead of
    /// English, such as <c>Corpus Christi</c>. Default: <see langword="false"/>.
    /// </summary>
    public bool UseLocalNames { get; set; }

    /// <summary>Gets the holiday keys deactivated in every year, such as <c>CorpusChristi</c>; case is ignored.</summary>
    public IReadOnlySet<string> DeactivatedKeys => _deactivatedKeys;

    /// <summary>Gets the dates whose imported holidays are deactivated.</summary>
    public IReadOnlySet<LocalDate> DeactivatedDates => _deactivatedDates;

    /// <summary>
    /// Deactivates a holiday in every imported year, by its key in the PublicHoliday package (such as
    /// <c>CorpusChristi</c> or <c>ReformationDay</c>) or by its English name (such as <c>Corpus Christi</c>).
    /// </summary>
    /// <param name="keyOrEnglishName">The key or English name; case is ignored.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keyOrEnglishName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="keyOrEnglishName"/> is empty or only white space.</exception>
    public PublicHolidayImportOptions Deactivate(string keyOrEnglishName)
    {
        _deactivatedKeys.Add(Guard.NotNullOrWhiteSpace(keyOrEnglishName).Trim());
        return this;
    }

    /// <summary>Deactivates the holidays imported for one date, such as a regional observance on which the organization works.</summary>
    /// <param name="date">The date, as the import uses it: the observed date unless <see cref="UseObservedDates"/> is off.</param>
    /// <returns>These options.</returns>
    public PublicHolidayImportOptions Deactivate(LocalDate date)
    {
        _deactivatedDates.Add(date);
        return this;
    }
}
