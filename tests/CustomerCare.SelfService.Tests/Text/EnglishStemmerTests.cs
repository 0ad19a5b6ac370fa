namespace CustomerCare.SelfService.Tests.Text;

public class EnglishStemmerTests
{
    private static string Stem(string word)
    {
        var chars = word.ToCharArray();
        return new string(chars, 0, EnglishStemmer.Stem(chars));
    }

    [Theory]
    [InlineData("cards", "card")]
    [InlineData("queries", "query")]
    [InlineData("addresses", "address")]
    [InlineData("status", "status")]
    [InlineData("analysis", "analysis")]
    [InlineData("charged", "charg")]
    [InlineData("charging", "charg")]
    [InlineData("charge", "charg")]
    [InlineData("charges", "charg")]
    [InlineData("verified", "verify")]
    [InlineData("verifying", "verify")]
    [InlineData("transferred", "transfer")]
    [InlineData("transferring", "transfer")]
    [InlineData("transfers", "transfer")]
    [InlineData("cancelled", "cancel")]
    [InlineData("canceled", "cancel")]
    [InlineData("filled", "fill")]
    [InlineData("passed", "pass")]
    [InlineData("string", "string")]
    [InlineData("quickly", "quick")]
    [InlineData("supply", "supply")]
    [InlineData("free", "free")]
    [InlineData("fee", "fee")]
    [InlineData("pin", "pin")]
    [InlineData("atm2", "atm2")]
    [InlineData("café", "café")]
    public void Stem_AppliesLightRules(string word, string expected)
    {
        Assert.Equal(expected, Stem(word));
    }

    [Theory]
    [InlineData("arrive", "arrived", "arriving", "arrives")]
    [InlineData("decline", "declined", "declining", "declines")]
    [InlineData("verify", "verified", "verifying", "verifies")]
    public void Stem_InflectionsMeet(params string[] words)
    {
        Assert.Single(words.Select(Stem).Distinct());
    }
}
