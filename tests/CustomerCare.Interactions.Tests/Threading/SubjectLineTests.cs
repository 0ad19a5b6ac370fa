using CustomerCare.Interactions.Threading;

namespace CustomerCare.Interactions.Tests.Threading;

public class SubjectLineTests
{
    [Theory]
    [InlineData("Re: Refund for order 4711", "refund for order 4711")]
    [InlineData("AW: WG: Fwd:  Refund   for order 4711 ", "refund for order 4711")]
    [InlineData("RE[2]: Refund for order 4711", "refund for order 4711")]
    [InlineData("[CC#10042] Re: Refund for order 4711", "refund for order 4711")]
    [InlineData("Re: Refund for order 4711 [ref:abc]", "refund for order 4711")]
    [InlineData("Regarding my refund", "regarding my refund")]
    [InlineData(null, "")]
    public void Normalize_StripsPrefixesTagsCaseAndSpaces(string? subject, string expected)
    {
        Assert.Equal(expected, SubjectLine.Normalize(subject));
    }

    [Theory]
    [InlineData("Re: x", true)]
    [InlineData("  aw: x", true)]
    [InlineData("SV: x", true)]
    [InlineData("Fwd[3]: x", true)]
    [InlineData("Refund: x", false)]
    [InlineData("Regarding x", false)]
    [InlineData(null, false)]
    public void HasReplyPrefix_Table(string? subject, bool expected)
    {
        Assert.Equal(expected, SubjectLine.HasReplyPrefix(subject));
    }
}
