using System.Text.Json;
using FsCheck.Xunit;

namespace CustomerCare.Core.Tests.Classification;

public class ContactReasonTests
{
    [Theory]
    [InlineData("Billing", "billing", 1)]
    [InlineData("billing/Refund", "billing/refund", 2)]
    [InlineData(" billing / refund / late-payment ", "billing/refund/late-payment", 3)]
    [InlineData("a/b/c/d/e/f/g/h", "a/b/c/d/e/f/g/h", 8)]
    public void Parse_NormalizesSegments(string input, string code, int depth)
    {
        var reason = ContactReason.Parse(input);

        Assert.Equal(code, reason.Code);
        Assert.Equal(depth, reason.Depth);
    }

    [Theory]
    [InlineData("", "segment 1 is invalid: it is empty")]
    [InlineData("billing/", "segment 2 is invalid: it is empty")]
    [InlineData("/billing", "segment 1 is invalid")]
    [InlineData("billing//refund", "segment 2 is invalid")]
    [InlineData("billing/2fa", "segment 2 is invalid: it starts with '2'")]
    [InlineData("a/b/c/d/e/f/g/h/i", "more than 8 segments")]
    public void Parse_Invalid_ThrowsNamingSegment(string input, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => ContactReason.Parse(input));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParentAndRoot_WalkTheTaxonomy()
    {
        var reason = ContactReason.Parse("billing/refund/late");

        Assert.Equal(ContactReason.Parse("billing/refund"), reason.Parent);
        Assert.Equal(ContactReason.Parse("billing"), reason.Root);
        Assert.Null(reason.Root.Parent);
        Assert.Equal(reason.Root, reason.Root.Root);
    }

    [Theory]
    [InlineData("billing/refund", "billing", true)]
    [InlineData("billing/refund", "billing/refund", true)]
    [InlineData("billing", "billing/refund", false)]
    [InlineData("billingx/refund", "billing", false)]
    [InlineData("billing-old", "billing", false)]
    [InlineData("shipping/delay", "billing", false)]
    public void IsWithin_MatchesWholeSegments(string code, string ancestor, bool expected)
    {
        Assert.Equal(expected, ContactReason.Parse(code).IsWithin(ContactReason.Parse(ancestor)));
    }

    [Fact]
    public void IsWithin_Default_IsFalse()
    {
        Assert.False(default(ContactReason).IsWithin(ContactReason.Parse("billing")));
        Assert.False(ContactReason.Parse("billing").IsWithin(default));
    }

    [Theory]
    [InlineData("a/b/c", 1, "a")]
    [InlineData("a/b/c", 2, "a/b")]
    [InlineData("a/b/c", 3, "a/b/c")]
    [InlineData("a/b/c", 5, "a/b/c")]
    public void Truncate_KeepsLeadingSegments(string code, int depth, string expected)
    {
        Assert.Equal(expected, ContactReason.Parse(code).Truncate(depth).Code);
    }

    [Fact]
    public void Truncate_ZeroDepth_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ContactReason.Parse("a").Truncate(0));
    }

    [Fact]
    public void Json_WritesCode()
    {
        Assert.Equal("\"billing/refund\"", JsonSerializer.Serialize(ContactReason.Parse("Billing/Refund")));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ContactReason>("\"billing//refund\""));
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)], MaxTest = 500)]
    public bool ParseToString_RoundTrips(ContactReason reason)
    {
        return ContactReason.Parse(reason.ToString()) == reason
            && JsonSerializer.Deserialize<ContactReason>(JsonSerializer.Serialize(reason)) == reason;
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)], MaxTest = 300)]
    public bool Ancestors_ContainReason(ContactReason reason)
    {
        for (var depth = 1; depth <= reason.Depth; depth++)
        {
            if (!reason.IsWithin(reason.Truncate(depth)))
            {
                return false;
            }
        }

        return reason.IsWithin(reason.Root) && (reason.Parent is null || reason.Parent.Value.Depth == reason.Depth - 1);
    }
}
