using CustomerCare.Sla.Policies;

namespace CustomerCare.Sla.Tests.Policies;

public class SlaTargetKindTests
{
    [Fact]
    public void WellKnownKinds_HaveNames()
    {
        Assert.Equal("first-response", SlaTargetKind.FirstResponse.Name);
        Assert.Equal("next-response", SlaTargetKind.NextResponse.Name);
        Assert.Equal("resolution", SlaTargetKind.Resolution.Name);
    }

    [Theory]
    [InlineData(" Resolution ", "resolution")]
    [InlineData("On-Site-Visit", "on-site-visit")]
    public void Parse_Normalizes(string text, string name)
    {
        Assert.Equal(name, SlaTargetKind.Parse(text).ToString());
        Assert.True(SlaTargetKind.TryParse(text, out var kind));
        Assert.Equal(name, kind.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1st-response")]
    [InlineData("first response")]
    public void Parse_Invalid_Throws(string text)
    {
        var exception = Assert.Throws<FormatException>(() => SlaTargetKind.Parse(text));

        Assert.Contains("is not a valid SLA target kind because", exception.Message, StringComparison.Ordinal);
        Assert.False(SlaTargetKind.TryParse(text, out var kind));
        Assert.Equal(default, kind);
    }

    [Fact]
    public void Equality_AndOrder_ByName()
    {
        Assert.True(SlaTargetKind.Parse("resolution") == SlaTargetKind.Resolution);
        Assert.True(SlaTargetKind.Resolution != SlaTargetKind.FirstResponse);
        Assert.True(SlaTargetKind.FirstResponse < SlaTargetKind.Resolution);
        Assert.True(SlaTargetKind.Resolution >= SlaTargetKind.NextResponse);
        Assert.True(SlaTargetKind.FirstResponse <= SlaTargetKind.FirstResponse);
        Assert.True(SlaTargetKind.Resolution > SlaTargetKind.NextResponse);
        Assert.Equal(SlaTargetKind.Resolution.GetHashCode(), SlaTargetKind.Parse("RESOLUTION").GetHashCode());
        Assert.Equal(string.Empty, default(SlaTargetKind).Name);
        Assert.Throws<ArgumentNullException>(() => SlaTargetKind.Parse(null!));
    }
}
