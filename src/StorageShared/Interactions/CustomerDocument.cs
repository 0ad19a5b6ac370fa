using CustomerCare.Core;
using CustomerCare.Interactions.Customers;
using NodaTime;

namespace CustomerCare.Storage.Interactions;

/// <summary>The parts of a customer that no query filters on: name, contact points and preferences.</summary>
/// <remarks>The contact points are also rows of their own, which keep them unique and searchable.</remarks>
internal sealed class CustomerDocument
{
    public string? DisplayName { get; init; }

    public ContactPointDocument[]? ContactPoints { get; init; }

    public PreferencesDocument? Preferences { get; init; }

    public static CustomerDocument From(Customer customer) => new()
    {
        DisplayName = customer.DisplayName,
        ContactPoints = ContactPointDocument.FromAll(customer.ContactPoints),
        Preferences = customer.Preferences == CustomerPreferences.None ? null : PreferencesDocument.From(customer.Preferences),
    };

    public Customer ToCustomer(CustomerId id, long version, Instant createdAt, CustomerId? mergedInto, Instant? erasedAt) => new()
    {
        Id = id,
        Version = version,
        CreatedAt = createdAt,
        MergedInto = mergedInto,
        ErasedAt = erasedAt,
        DisplayName = DisplayName,
        ContactPoints = ContactPointDocument.ToAll(ContactPoints),
        Preferences = Preferences?.ToPreferences() ?? CustomerPreferences.None,
    };
}

/// <summary>A customer's preferences as JSON; local times are nanoseconds since midnight.</summary>
internal sealed class PreferencesDocument
{
    public string? Channel { get; init; }

    public int ChannelSource { get; init; }

    public string? Language { get; init; }

    public int LanguageSource { get; init; }

    public ReachableWindowDocument[]? Reachable { get; init; }

    public int ReachableSource { get; init; }

    public string? TimeZone { get; init; }

    public static PreferencesDocument From(CustomerPreferences preferences) => new()
    {
        Channel = preferences.PreferredChannel?.Name,
        ChannelSource = (int)preferences.PreferredChannelSource,
        Language = preferences.Language,
        LanguageSource = (int)preferences.LanguageSource,
        Reachable = preferences.ReachableTimes.Count == 0
            ? null
            : [.. preferences.ReachableTimes.Select(w => new ReachableWindowDocument
            {
                Day = (int)w.Day,
                From = w.From.NanosecondOfDay,
                To = w.To.NanosecondOfDay,
            })],
        ReachableSource = (int)preferences.ReachableTimesSource,
        TimeZone = preferences.TimeZoneId,
    };

    public CustomerPreferences ToPreferences() => CustomerPreferences.Restore(
        Channel is null ? null : Core.Channel.Parse(Channel),
        (PreferenceSource)ChannelSource,
        Language,
        (PreferenceSource)LanguageSource,
        Reachable is null
            ? []
            : Reachable.Select(w => new ReachableWindow(
                (IsoDayOfWeek)w.Day,
                LocalTime.FromNanosecondsSinceMidnight(w.From),
                LocalTime.FromNanosecondsSinceMidnight(w.To))),
        (PreferenceSource)ReachableSource,
        TimeZone);
}

/// <summary>A weekly reachable window as JSON.</summary>
internal sealed class ReachableWindowDocument
{
    public int Day { get; init; }

    public long From { get; init; }

    public long To { get; init; }
}
