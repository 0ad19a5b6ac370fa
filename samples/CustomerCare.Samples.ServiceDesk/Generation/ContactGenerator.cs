using System.Globalization;
using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Contacts;
using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Generation;

/// <summary>
/// Generates the contacts of a simulated service desk: a seeded, repeatable stream with a realistic mix of channels,
/// contact reasons and complexity, arrival peaks in the late morning and early afternoon of business days, quiet
/// weekends and holidays, and customers who come back on another channel about the same topic.
/// </summary>
/// <remarks>
/// The same options give the same contacts, in the same order, on every run and machine: all randomness comes from
/// one <see cref="Random"/> created with <see cref="GeneratorOptions.Seed"/>, and the draws happen in a fixed order.
/// </remarks>
internal sealed class ContactGenerator
{
    // Share of a day's contacts that arrive in each local hour (0-23): a peak from 9 to 11 and a smaller one after
    // lunch, a long evening tail from web and e-mail, almost nothing at night.
    private static readonly double[] HourWeights =
        [0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 1.0, 2.5, 5.5, 9.0, 10.0, 9.0, 6.5, 7.5, 8.0, 7.0, 6.0, 5.0, 3.5, 3.0, 2.8, 2.2, 1.2, 0.6];

    private static readonly (Channel Channel, double Weight)[] OpenHoursMix =
    [
        (Channel.Phone, 30), (Channel.Email, 24), (Channel.Web, 20), (Channel.Chat, 16), (Channel.Letter, 5),
        (Channel.SocialMedia, 4), (Channel.Fax, 1),
    ];

    // Phone, chat and letters reach the desk only while it is staffed; the rest of the day has the written channels.
    private static readonly (Channel Channel, double Weight)[] ClosedHoursMix =
        [(Channel.Email, 48), (Channel.Web, 42), (Channel.SocialMedia, 10)];

    private static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hannah", "Ivan", "Jonas", "Katja", "Leon", "Maria",
        "Noah", "Olga", "Paul", "Rosa", "Sami", "Tom", "Uta", "Vera", "Wim", "Yara", "Zoe",
    ];

    private static readonly string[] LastNames =
    [
        "Adler", "Becker", "Costa", "Dietrich", "Evans", "Fischer", "Garcia", "Hoffmann", "Ivanova", "Jansen", "Klein",
        "Lang", "Meyer", "Novak", "Okafor", "Peters", "Richter", "Schmidt", "Turner", "Vogel", "Walker", "Young",
    ];

    private readonly GeneratorOptions _options;
    private readonly IReadOnlyList<ReasonProfile> _reasons;
    private readonly double _reasonWeightTotal;

    public ContactGenerator(GeneratorOptions options, IReadOnlyList<ReasonProfile>? reasons = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Days, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ContactsPerBusinessDay, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Customers);

        _options = options;
        _reasons = reasons ?? ReasonCatalog.Default;
        _reasonWeightTotal = _reasons.Sum(r => r.Weight);
    }

    /// <summary>Gets the relative volume of a day: Monday is the busiest, weekends and holidays are quiet.</summary>
    public double DayFactor(LocalDate date)
    {
        if (_options.Holidays.Contains(date))
        {
            return 0.2;
        }

        return date.DayOfWeek switch
        {
            IsoDayOfWeek.Monday => 1.3,
            IsoDayOfWeek.Tuesday => 1.05,
            IsoDayOfWeek.Wednesday => 1.0,
            IsoDayOfWeek.Thursday => 0.95,
            IsoDayOfWeek.Friday => 0.85,
            IsoDayOfWeek.Saturday => 0.22,
            _ => 0.12,
        };
    }

    /// <summary>Generates the contacts of the whole period, ordered by arrival.</summary>
    /// <returns>The contacts; first contacts and follow-ups on another channel.</returns>
    public IReadOnlyList<ContactRequest> Generate()
    {
        var random = new Random(_options.Seed);
        var dates = Enumerable.Range(0, _options.Days).Select(d => _options.Start.PlusDays(d)).ToList();
        var expected = dates.Sum(d => DayFactor(d) * _options.ContactsPerBusinessDay);
        var customers = CreateCustomers(random, _options.Customers > 0 ? _options.Customers : Math.Max(20, (int)(expected * 0.8)));
        var end = _options.Zone.AtStartOfDay(_options.Start.PlusDays(_options.Days)).ToInstant();

        var contacts = new List<ContactRequest>();
        foreach (var date in dates)
        {
            var count = (int)Math.Round(DayFactor(date) * _options.ContactsPerBusinessDay * (0.9 + (0.2 * random.NextDouble())));
            for (var i = 0; i < count; i++)
            {
                var first = CreateFirstContact(random, date, customers, contacts.Count);
                contacts.Add(first);

                var profile = _reasons.First(r => r.Reason == first.Reason);
                if (random.NextDouble() < profile.ReturnShare)
                {
                    var followUp = CreateFollowUp(random, first, profile, contacts.Count);
                    if (followUp.ArrivesAt < end)
                    {
                        contacts.Add(followUp);
                    }
                }
            }
        }

        // A stable sort keeps generation order among contacts of the same instant, so the order is repeatable.
        return [.. contacts.OrderBy(c => c.ArrivesAt)];
    }

    private ContactRequest CreateFirstContact(Random random, LocalDate date, SimulatedCustomer[] customers, int number)
    {
        var time = DrawTimeOfDay(random);
        var arrivesAt = _options.Zone.AtLeniently(date.At(time)).ToInstant();
        var channel = DrawChannel(random, IsStaffed(date, time) ? OpenHoursMix : ClosedHoursMix, exclude: null);
        var customer = customers[random.Next(customers.Length)];
        var profile = DrawReason(random);
        var complexity = Math.Min(3, profile.Complexity + (random.NextDouble() < profile.HarderShare ? 1 : 0));
        var phrasings = profile.Phrasings.TryGetValue(customer.Language, out var own) ? own : profile.Phrasings.Values.First();
        var text = phrasings[random.Next(phrasings.Length)];
        return new ContactRequest(Id(number), arrivesAt, customer, channel, profile.Reason, text, complexity)
        {
            Product = profile.Product,
            Skill = profile.Skill,
        };
    }

    private ContactRequest CreateFollowUp(Random random, ContactRequest first, ReasonProfile profile, int number)
    {
        // The customer comes back two hours to a day and a half later, on a channel other than the first one.
        var arrivesAt = first.ArrivesAt.Plus(Duration.FromMinutes(random.Next(120, 36 * 60)));
        var local = arrivesAt.InZone(_options.Zone).LocalDateTime;
        var mix = IsStaffed(local.Date, local.TimeOfDay) ? OpenHoursMix : ClosedHoursMix;
        var channel = DrawChannel(random, mix, exclude: first.Channel);
        var text = first.Customer.Language == "de"
            ? $"Ich melde mich noch einmal wegen meines Anliegens: {first.Text}"
            : $"I am following up on my earlier request: {first.Text}";
        return new ContactRequest(Id(number), arrivesAt, first.Customer, channel, first.Reason, text, first.Complexity)
        {
            Product = profile.Product,
            Skill = profile.Skill,
            FollowUpOf = first.ExternalId,
        };
    }

    private string Id(int number) => string.Create(CultureInfo.InvariantCulture, $"gen-{_options.Seed}-{number:D6}");

    private bool IsStaffed(LocalDate date, LocalTime time) =>
        date.DayOfWeek < IsoDayOfWeek.Saturday && !_options.Holidays.Contains(date) && time.Hour is >= 8 and < 18;

    private static LocalTime DrawTimeOfDay(Random random)
    {
        var total = HourWeights.Sum();
        var draw = random.NextDouble() * total;
        var hour = 0;
        while (hour < 23 && draw >= HourWeights[hour])
        {
            draw -= HourWeights[hour];
            hour++;
        }

        return new LocalTime(hour, 0).PlusSeconds(random.Next(3600));
    }

    private static Channel DrawChannel(Random random, (Channel Channel, double Weight)[] mix, Channel? exclude)
    {
        var candidates = exclude is { } excluded ? mix.Where(m => m.Channel != excluded).ToArray() : mix;
        var draw = random.NextDouble() * candidates.Sum(c => c.Weight);
        foreach (var (channel, weight) in candidates)
        {
            if (draw < weight)
            {
                return channel;
            }

            draw -= weight;
        }

        return candidates[^1].Channel;
    }

    private ReasonProfile DrawReason(Random random)
    {
        var draw = random.NextDouble() * _reasonWeightTotal;
        foreach (var profile in _reasons)
        {
            if (draw < profile.Weight)
            {
                return profile;
            }

            draw -= profile.Weight;
        }

        return _reasons[^1];
    }

    private static SimulatedCustomer[] CreateCustomers(Random random, int count)
    {
        var customers = new SimulatedCustomer[count];
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var language = random.NextDouble() < 0.65 ? "de" : "en";

            // Berlin numbers (030) with eight digits; the e-mail domain is reserved for examples (RFC 2606).
            var phone = string.Create(CultureInfo.InvariantCulture, $"+4930{random.Next(20_000_000, 99_999_999)}");
            var email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{i + 1}@example.com").ToLowerInvariant();
            customers[i] = new SimulatedCustomer(
                string.Create(CultureInfo.InvariantCulture, $"customer-{i + 1:D5}"), $"{first} {last}", email, phone, language);
        }

        return customers;
    }
}
