using CustomerCare.Core;
using CustomerCare.Interactions.Customers;
using NodaTime;

namespace CustomerCare.Interactions.Tests.Customers;

public class CustomerPreferencesTests
{
    private static readonly CustomerId Customer = CustomerId.New(Harness.Start);

    [Fact]
    public void Learn_MostUsedInboundChannelAndLatestLanguage()
    {
        var history = new[]
        {
            Inbound(Channel.Phone, 0, "de"), Inbound(Channel.Email, 1, null), Inbound(Channel.Email, 2, "en"),
            Inbound(Channel.Email, 3, null), Outbound(Channel.Letter, 4), Outbound(Channel.Letter, 5), Outbound(Channel.Letter, 6),
        };

        var learned = CustomerPreferences.None.Learn(history);

        Assert.Equal((Channel.Email, PreferenceSource.Learned), (learned.PreferredChannel!.Value, learned.PreferredChannelSource));
        Assert.Equal(("en", PreferenceSource.Learned), (learned.Language, learned.LanguageSource));
    }

    [Fact]
    public void Learn_StatedPreferencesWin()
    {
        var stated = CustomerPreferences.None.WithStatedChannel(Channel.Letter).WithStatedLanguage("pt-BR");
        var history = Enumerable.Range(0, 5).Select(i => Inbound(Channel.Email, i, "en")).ToArray();

        var learned = stated.Learn(history);

        Assert.Same(stated, learned);
        Assert.Equal("pt-br", learned.Language);
        Assert.Equal(Channel.Letter, learned.PreferredChannel);
    }

    [Fact]
    public void Learn_TooLittleOrSpreadEvidence_LeavesChannelUnset()
    {
        var little = new[] { Inbound(Channel.Email, 0, null), Inbound(Channel.Email, 1, null) };
        var spread = new[] { Inbound(Channel.Email, 0, null), Inbound(Channel.Email, 1, null), Inbound(Channel.Email, 2, null), Inbound(Channel.Phone, 3, null), Inbound(Channel.Phone, 4, null), Inbound(Channel.Phone, 5, null) };

        Assert.Null(CustomerPreferences.None.Learn(little).PreferredChannel);
        Assert.Null(CustomerPreferences.None.Learn(spread).PreferredChannel);
    }

    [Fact]
    public void WithStated_BadInput_Throws()
    {
        Assert.Throws<FormatException>(() => CustomerPreferences.None.WithStatedLanguage("english language"));
        Assert.Throws<ArgumentException>(() => CustomerPreferences.None.WithStatedReachableTimes("Mars/Base", []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReachableWindow(IsoDayOfWeek.Monday, new LocalTime(18, 0), new LocalTime(9, 0)));
        Assert.Throws<ArgumentException>(() => CustomerPreferences.None.WithStatedChannel(default));
    }

    [Fact]
    public void ReachableTimes_StatedWithZone()
    {
        var window = new ReachableWindow(IsoDayOfWeek.Tuesday, new LocalTime(9, 0), new LocalTime(12, 0));

        var preferences = CustomerPreferences.None.WithStatedReachableTimes("Europe/Berlin", [window]);

        Assert.Equal("Europe/Berlin", preferences.TimeZoneId);
        Assert.True(preferences.ReachableTimes[0].Contains(IsoDayOfWeek.Tuesday, new LocalTime(11, 59)));
        Assert.False(preferences.ReachableTimes[0].Contains(IsoDayOfWeek.Tuesday, new LocalTime(12, 0)));
        Assert.Equal(preferences, CustomerPreferences.None.WithStatedReachableTimes("Europe/Berlin", [window]));
    }

    [Fact]
    public void Restore_LearnedAndStated_RoundTrips()
    {
        var window = new ReachableWindow(IsoDayOfWeek.Tuesday, new LocalTime(9, 0), new LocalTime(12, 0));
        var preferences = CustomerPreferences.None
            .Learn(Enumerable.Range(0, 4).Select(i => Inbound(Channel.Phone, i, "de")))
            .WithStatedReachableTimes("Europe/Berlin", [window]);

        var restored = CustomerPreferences.Restore(
            preferences.PreferredChannel,
            preferences.PreferredChannelSource,
            preferences.Language,
            preferences.LanguageSource,
            preferences.ReachableTimes,
            preferences.ReachableTimesSource,
            preferences.TimeZoneId);

        Assert.Equal(PreferenceSource.Learned, restored.PreferredChannelSource);
        Assert.Equal(preferences, restored);
        Assert.Same(CustomerPreferences.None, CustomerPreferences.Restore(null, PreferenceSource.None, null, PreferenceSource.None, [], PreferenceSource.None, null));
    }

    [Fact]
    public void Restore_BadInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => CustomerPreferences.Restore(default(Channel), PreferenceSource.Stated, null, PreferenceSource.None, [], PreferenceSource.None, null));
        Assert.Throws<ArgumentException>(() => CustomerPreferences.Restore(null, (PreferenceSource)7, null, PreferenceSource.None, [], PreferenceSource.None, null));
        Assert.Throws<ArgumentException>(() => CustomerPreferences.Restore(null, PreferenceSource.None, null, PreferenceSource.None, [], PreferenceSource.Stated, "Mars/Olympus"));
        Assert.Throws<FormatException>(() => CustomerPreferences.Restore(null, PreferenceSource.None, "not a tag", PreferenceSource.Stated, [], PreferenceSource.None, null));
        Assert.Throws<ArgumentNullException>(() => CustomerPreferences.Restore(null, PreferenceSource.None, null, PreferenceSource.None, null!, PreferenceSource.None, null));
    }

    private static Interaction Inbound(Channel channel, int minute, string? language) => new()
    {
        Id = InteractionId.New(Harness.Start),
        Sequence = minute + 1,
        Channel = channel,
        Direction = InteractionDirection.Inbound,
        Kind = InteractionKind.Message,
        OccurredAt = Harness.Start.Plus(Duration.FromMinutes(minute)),
        RecordedAt = Harness.Start.Plus(Duration.FromMinutes(minute)),
        CustomerId = Customer,
        Language = language,
    };

    private static Interaction Outbound(Channel channel, int minute) => Inbound(channel, minute, null) with { Direction = InteractionDirection.Outbound };
}
