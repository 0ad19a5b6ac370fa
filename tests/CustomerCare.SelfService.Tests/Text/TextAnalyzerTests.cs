namespace CustomerCare.SelfService.Tests.Text;

public class TextAnalyzerTests
{
    private static string[] Analyze(string text, bool stem = true, params string[] stopWords)
    {
        var analyzer = TextAnalyzer.Create(stopWords.Length == 0 ? EnglishStopWords.Words : stopWords, stem);
        var buffer = new TokenBuffer();
        analyzer.Analyze(text, buffer);
        return [.. Enumerable.Range(0, buffer.Count).Select(i => buffer[i].ToString())];
    }

    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("CAFÉ", "cafe")]
    [InlineData("naïve", "naive")]
    [InlineData("ﬁnal", "final")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærø", "aero")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Ｆｕｌｌｗｉｄｔｈ", "fullwidth")]
    public void Analyze_FoldsCaseAndDiacritics(string text, string expected)
    {
        Assert.Equal([expected], Analyze(text, stem: false, "zzz"));
    }

    [Fact]
    public void Analyze_SplitsAtPunctuationAndJoinsApostrophes()
    {
        var tokens = Analyze("Don't charge me twice!!! card-payment, top_up", stem: false, "zzz");

        Assert.Equal(["dont", "charge", "me", "twice", "card", "payment", "top", "up"], tokens);
    }

    [Fact]
    public void Analyze_RemovesStopWordsAfterFolding()
    {
        var tokens = Analyze("Why is MY card NOT working?", stem: false);

        Assert.Equal(["why", "card", "not", "working"], tokens);
    }

    [Fact]
    public void Analyze_DropsOverlongTokens()
    {
        var tokens = Analyze("card " + new string('x', 65) + " fee", stem: false, "zzz");

        Assert.Equal(["card", "fee"], tokens);
    }

    [Fact]
    public void Analyze_LoneSurrogate_StillTokenizes()
    {
        var tokens = Analyze("card\uD800fee", stem: false, "zzz");

        Assert.Equal(["card", "fee"], tokens);
    }

    [Fact]
    public void Analyze_EmptyOrSeparatorsOnly_GivesNothing()
    {
        Assert.Empty(Analyze(""));
        Assert.Empty(Analyze(" ?!, … 🙂 "));
    }
}
