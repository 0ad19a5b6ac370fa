namespace CustomerCare.SelfService.Tests.Conversations;

public class PersonRequestDetectorTests
{
    private static readonly PersonRequestDetector Detector = new(PersonRequestDetector.DefaultPhrases);

    [Theory]
    [InlineData("Agent!", true)]
    [InlineData("human please", true)]
    [InlineData("I want to talk to someone", true)]
    [InlineData("Can I SPEAK with an actual person?", true)]
    [InlineData("please call me back tomorrow", true)]
    [InlineData("my travel agent booked with this card and it was declined", false)]
    [InlineData("where is my card", false)]
    [InlineData("is the person who sent me money verified", false)]
    public void IsPersonRequest_RecognizesPhrases(string text, bool expected)
    {
        Assert.Equal(expected, Detector.IsPersonRequest(text));
    }

    [Fact]
    public void Constructor_PhraseWithoutWords_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PersonRequestDetector(["agent", "?!"]));
    }
}
