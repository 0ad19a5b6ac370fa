using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.Core;
using static CustomerCare.Testing.CompetenceRouting.RoutingTestData;

namespace CustomerCare.CompetenceRouting.Tests.Classification;

public class ConcernConditionTests
{
    private static readonly RoutableConcern Refund = Concern(1, "billing/refund", complexity: 3, channel: Channel.Email, language: "de-AT", priority: Priority.P2) with { Tier = ServiceTier.Parse("gold") };

    public static TheoryData<string, ConcernCondition, bool> Cases => new()
    {
        { "nothing set", ConcernCondition.Any, true },
        { "channel listed", new() { Channels = [Channel.Phone, Channel.Email] }, true },
        { "channel not listed", new() { Channels = [Channel.Phone] }, false },
        { "reason within ancestor", new() { Reasons = [ContactReason.Parse("billing")] }, true },
        { "reason equal", new() { Reasons = [ContactReason.Parse("billing/refund")] }, true },
        { "reason of sibling", new() { Reasons = [ContactReason.Parse("billing/invoice")] }, false },
        { "complexity at minimum", new() { MinComplexity = 3 }, true },
        { "complexity below minimum", new() { MinComplexity = 4 }, false },
        { "complexity above maximum", new() { MaxComplexity = 2 }, false },
        { "tier listed", new() { Tiers = [ServiceTier.Parse("gold"), ServiceTier.Parse("vip")] }, true },
        { "tier not listed", new() { Tiers = [ServiceTier.Parse("vip")] }, false },
        { "language covers", new() { Languages = [Language.Parse("de")] }, true },
        { "language of other region", new() { Languages = [Language.Parse("de-CH")] }, false },
        { "priority as urgent", new() { MinPriority = Priority.P2 }, true },
        { "priority not urgent enough", new() { MinPriority = Priority.P1 }, false },
        { "all parts must match", new() { Channels = [Channel.Email], MinComplexity = 5 }, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_Table(string because, ConcernCondition condition, bool expected)
    {
        Assert.True(condition.Matches(Refund) == expected, because);
    }

    [Fact]
    public void Matches_LanguageListWithoutConcernLanguage_IsFalse()
    {
        var condition = new ConcernCondition { Languages = [Language.Parse("de")] };

        Assert.False(condition.Matches(Refund with { Language = null }));
    }

    [Fact]
    public void ToString_ListsSetParts()
    {
        var condition = new ConcernCondition { Reasons = [ContactReason.Parse("billing")], MinComplexity = 3, MinPriority = Priority.P2 };

        Assert.Equal("reason within billing and complexity ≥ 3 and priority P2 or more urgent", condition.ToString());
        Assert.Equal("any concern", ConcernCondition.Any.ToString());
        Assert.True(ConcernCondition.Any.IsAny);
        Assert.False(condition.IsAny);
    }

    [Fact]
    public void Equality_ComparesLists()
    {
        Assert.Equal(new ConcernCondition { Channels = [Channel.Chat] }, new ConcernCondition { Channels = [Channel.Chat] });
        Assert.NotEqual(new ConcernCondition { Channels = [Channel.Chat] }, new ConcernCondition { Channels = [Channel.Phone] });
    }
}
