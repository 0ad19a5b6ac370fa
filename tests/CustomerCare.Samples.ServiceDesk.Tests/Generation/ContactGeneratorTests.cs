using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Generation;
using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Tests.Generation;

public class ContactGeneratorTests
{
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    [Fact]
    public void Generate_SameSeed_SameContacts()
    {
        var options = new GeneratorOptions { Seed = 7, Days = 3, ContactsPerBusinessDay = 200 };

        var first = new ContactGenerator(options).Generate();
        var second = new ContactGenerator(options).Generate();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_OtherSeed_OtherContacts()
    {
        var first = new ContactGenerator(new GeneratorOptions { Seed = 1, Days = 2 }).Generate();
        var second = new ContactGenerator(new GeneratorOptions { Seed = 2, Days = 2 }).Generate();

        Assert.NotEqual(first.Select(c => (c.ArrivesAt, c.Reason)), second.Select(c => (c.ArrivesAt, c.Reason)));
    }

    [Fact]
    public void Generate_Contacts_OrderedWithinPeriod()
    {
        var options = new GeneratorOptions { Days = 7 };
        var start = Berlin.AtStartOfDay(options.Start).ToInstant();
        var end = Berlin.AtStartOfDay(options.Start.PlusDays(7)).ToInstant();

        var contacts = new ContactGenerator(options).Generate();

        Assert.Equal(contacts.OrderBy(c => c.ArrivesAt), contacts);
        Assert.All(contacts, c => Assert.InRange(c.ArrivesAt, start, end - Duration.Epsilon));
        Assert.Equal(contacts.Count, contacts.Select(c => c.ExternalId).Distinct().Count());
    }

    [Fact]
    public void Generate_PhoneAndChat_OnlyWhileStaffed()
    {
        var holiday = new LocalDate(2026, 5, 14);
        var options = new GeneratorOptions { Days = 7, Holidays = new HashSet<LocalDate> { holiday } };

        var contacts = new ContactGenerator(options).Generate();

        var spoken = contacts.Where(c => c.Channel == Channel.Phone || c.Channel == Channel.Chat).ToList();
        Assert.NotEmpty(spoken);
        Assert.All(spoken, c =>
        {
            var local = c.ArrivesAt.InZone(Berlin).LocalDateTime;
            Assert.True(local.DayOfWeek < IsoDayOfWeek.Saturday, $"{c.ExternalId} arrives on {local.DayOfWeek}");
            Assert.NotEqual(holiday, local.Date);
            Assert.InRange(local.Hour, 8, 17);
        });
    }

    [Fact]
    public void Generate_HolidayAndWeekend_QuieterThanWeekday()
    {
        var holiday = new LocalDate(2026, 5, 14);
        var options = new GeneratorOptions { Days = 7, Holidays = new HashSet<LocalDate> { holiday } };

        var perDay = new ContactGenerator(options).Generate()
            .Where(c => c.FollowUpOf is null)
            .GroupBy(c => c.ArrivesAt.InZone(Berlin).Date)
            .ToDictionary(g => g.Key, g => g.Count());

        var monday = perDay[new LocalDate(2026, 5, 11)];
        Assert.True(perDay[holiday] < monday / 3, $"holiday {perDay[holiday]}, Monday {monday}");
        Assert.True(perDay[new LocalDate(2026, 5, 16)] < monday / 3, $"Saturday {perDay[new LocalDate(2026, 5, 16)]}, Monday {monday}");
        Assert.True(monday > perDay[new LocalDate(2026, 5, 15)], "Monday is busier than Friday");
    }

    [Fact]
    public void Generate_FollowUps_SameCustomerAndReasonOtherChannel()
    {
        var contacts = new ContactGenerator(new GeneratorOptions { Days = 5 }).Generate();
        var byId = contacts.ToDictionary(c => c.ExternalId);

        var followUps = contacts.Where(c => c.FollowUpOf is not null).ToList();

        Assert.NotEmpty(followUps);
        Assert.All(followUps, f =>
        {
            var first = byId[f.FollowUpOf!];
            Assert.Equal(first.Customer, f.Customer);
            Assert.Equal(first.Reason, f.Reason);
            Assert.NotEqual(first.Channel, f.Channel);
            Assert.True(f.ArrivesAt > first.ArrivesAt);
        });
    }

    [Fact]
    public void Generate_ReasonMix_FollowsWeights()
    {
        var contacts = new ContactGenerator(new GeneratorOptions { Days = 7, ContactsPerBusinessDay = 1000 }).Generate();

        var counts = contacts.Where(c => c.FollowUpOf is null).GroupBy(c => c.Reason).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(ReasonCatalog.Default.Count, counts.Count);
        Assert.True(counts[ContactReason.Parse("billing/invoice-copy")] > 4 * counts[ContactReason.Parse("complaint/data-protection")]);
        Assert.All(contacts, c => Assert.InRange(c.Complexity, 1, 3));
    }
}
