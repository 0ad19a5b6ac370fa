using CustomerCare.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace CustomerCare.SelfService.Tests.Deflection;

public class DeflectionEvaluatorTests
{
    private static readonly Instant Resolved = Instant.FromUtc(2026, 3, 2, 10, 0);
    private static readonly CustomerId Customer = new(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-0000000000c1"));
    private static readonly CustomerId OtherCustomer = new(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-0000000000c2"));
    private static readonly ContactReason Intent = ContactReason.Parse("cards/arrival");

    private static SelfServiceResolution Resolution(Channel channel, ConcernId? concern = null) =>
        new(new SelfServiceConversationId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-0000000000d1")), Customer, Intent, null, channel, Resolved, concern);

    [Theory]
    [InlineData("email", 71, DeflectionOutcome.Failed)]
    [InlineData("email", 72, DeflectionOutcome.Failed)]
    [InlineData("email", 73, DeflectionOutcome.Deflected)]
    [InlineData("chat", 1, DeflectionOutcome.Failed)]
    [InlineData("chat", 3, DeflectionOutcome.Deflected)]
    [InlineData("social-media", 3, DeflectionOutcome.Deflected)]
    [InlineData("phone", 48, DeflectionOutcome.Failed)]
    public void Evaluate_WindowPerChannel(string channel, int hoursLater, DeflectionOutcome expected)
    {
        var contact = new FollowUpContact(Customer, Resolved + Duration.FromHours(hoursLater), Intent);

        var outcome = new DeflectionEvaluator().Evaluate(Resolution(Channel.Parse(channel)), [contact], Resolved + Duration.FromDays(10));

        Assert.Equal(expected, outcome);
    }

    [Fact]
    public void Evaluate_WindowOpenWithoutContact_IsPending()
    {
        var evaluator = new DeflectionEvaluator();

        Assert.Equal(DeflectionOutcome.Pending, evaluator.Evaluate(Resolution(Channel.Email), [], Resolved + Duration.FromHours(71)));
        Assert.Equal(DeflectionOutcome.Deflected, evaluator.Evaluate(Resolution(Channel.Email), [], Resolved + Duration.FromHours(73)));
    }

    [Theory]
    [InlineData("cards/arrival", DeflectionOutcome.Failed)]
    [InlineData("cards", DeflectionOutcome.Failed)]
    [InlineData("cards/arrival/abroad", DeflectionOutcome.Failed)]
    [InlineData(null, DeflectionOutcome.Failed)]
    [InlineData("transfers/fee", DeflectionOutcome.Deflected)]
    public void Evaluate_SameConcernByIntent(string? intent, DeflectionOutcome expected)
    {
        var contact = new FollowUpContact(Customer, Resolved + Duration.FromHours(1), intent is null ? null : ContactReason.Parse(intent));

        Assert.Equal(expected, new DeflectionEvaluator().Evaluate(Resolution(Channel.Chat), [contact], Resolved + Duration.FromDays(1)));
    }

    [Fact]
    public void Evaluate_ConcernIds_DecideOverIntent()
    {
        var concern = new ConcernId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-0000000000e1"));
        var other = new ConcernId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-0000000000e2"));
        var evaluator = new DeflectionEvaluator();
        var later = Resolved + Duration.FromHours(1);

        Assert.Equal(DeflectionOutcome.Deflected, evaluator.Evaluate(Resolution(Channel.Chat, concern), [new FollowUpContact(Customer, later, Intent, other)], Resolved + Duration.FromDays(1)));
        Assert.Equal(DeflectionOutcome.Failed, evaluator.Evaluate(Resolution(Channel.Chat, concern), [new FollowUpContact(Customer, later, ContactReason.Parse("billing"), concern)], Resolved + Duration.FromDays(1)));
    }

    [Fact]
    public void Evaluate_IgnoresOtherCustomersEarlierAndFutureContacts()
    {
        var evaluator = new DeflectionEvaluator();
        FollowUpContact[] contacts =
        [
            new(OtherCustomer, Resolved + Duration.FromHours(1), Intent),
            new(Customer, Resolved - Duration.FromHours(1), Intent),
            new(Customer, Resolved, Intent),
        ];

        Assert.Equal(DeflectionOutcome.Deflected, evaluator.Evaluate(Resolution(Channel.Chat), contacts, Resolved + Duration.FromHours(3)));
        Assert.Equal(DeflectionOutcome.Pending, evaluator.Evaluate(Resolution(Channel.Chat), [new FollowUpContact(Customer, Resolved + Duration.FromHours(1), Intent)], Resolved + Duration.FromMinutes(30)));
    }

    [Fact]
    public void Summarize_CountsOutcomesAndRate()
    {
        var evaluator = new DeflectionEvaluator();
        var resolutions = new[]
        {
            Resolution(Channel.Chat),
            Resolution(Channel.Email) with { Customer = OtherCustomer },
            Resolution(Channel.Chat) with { Customer = null, ResolvedAt = Resolved + Duration.FromDays(3) },
        };
        var contacts = new[] { new FollowUpContact(Customer, Resolved + Duration.FromHours(1), Intent) };

        var summary = evaluator.Summarize(resolutions, contacts, Resolved + Duration.FromDays(3) + Duration.FromHours(1));

        Assert.Equal(new DeflectionSummary(1, 1, 1), summary);
        Assert.Equal(0.5, summary.Rate);
        Assert.Null(new DeflectionSummary(0, 0, 4).Rate);
    }

    [Fact]
    public void Windows_InvalidValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeflectionWindows(Duration.Zero, new Dictionary<Channel, Duration>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeflectionWindows(Duration.FromHours(1), new Dictionary<Channel, Duration> { [Channel.Chat] = -Duration.FromHours(1) }));
    }

    [Property(MaxTest = 300)]
    public Property Evaluate_AgreesWithDefinition()
    {
        var contacts = from count in Gen.Choose(0, 4)
                       from minutes in Gen.ArrayOf(Gen.Choose(-300, 5000), count)
                       from sameCustomer in Gen.ArrayOf(Gen.Elements(true, false), count)
                       select minutes.Zip(sameCustomer, (m, same) => new FollowUpContact(same ? Customer : OtherCustomer, Resolved + Duration.FromMinutes(m), Intent)).ToArray();
        var channels = Gen.Elements(Channel.Email, Channel.Chat, Channel.Phone);
        return Prop.ForAll(contacts.ToArbitrary(), channels.ToArbitrary(), Gen.Choose(0, 6000).ToArbitrary(), (list, channel, nowMinutes) =>
        {
            var now = Resolved + Duration.FromMinutes(nowMinutes);
            var window = DeflectionWindows.Default.For(channel);
            var failed = list.Any(c => c.Customer == Customer && c.At > Resolved && c.At <= Resolved + window && c.At <= now);
            var expected = failed ? DeflectionOutcome.Failed : now > Resolved + window ? DeflectionOutcome.Deflected : DeflectionOutcome.Pending;

            Assert.Equal(expected, new DeflectionEvaluator().Evaluate(Resolution(channel), list, now));
        });
    }
}
