using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Generation;

/// <summary>Settings of the contact generator.</summary>
internal sealed record GeneratorOptions
{
    /// <summary>Gets the seed; the same seed and options give the same contacts. The default is 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Gets the first simulated day. The default is Monday 2026-05-11, a week with Ascension Day on Thursday
    /// in Germany.</summary>
    public LocalDate Start { get; init; } = new(2026, 5, 11);

    /// <summary>Gets the number of simulated days. The default is 7.</summary>
    public int Days { get; init; } = 7;

    /// <summary>Gets the mean number of first contacts on a regular Tuesday to Friday. The default is 400.</summary>
    public int ContactsPerBusinessDay { get; init; } = 400;

    /// <summary>Gets the zone the customers live in. The default is Europe/Berlin.</summary>
    public DateTimeZone Zone { get; init; } = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    /// <summary>Gets the dates on which the organization is closed although they are weekdays.</summary>
    public IReadOnlySet<LocalDate> Holidays { get; init; } = new HashSet<LocalDate>();

    /// <summary>Gets the number of customers to draw from; 0 (the default) sizes it to about 0.8 times the first
    /// contacts, so some customers come more than once about different topics.</summary>
    public int Customers { get; init; }
}
