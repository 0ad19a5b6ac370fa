using System.Text.Json;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService.Tests.Identifiers;

public class SelfServiceIdentifierTests
{
    private static readonly Guid Sample = Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-00112233aabb");

    [Fact]
    public void ToString_UsesOwnPrefix()
    {
        Assert.Equal("art_0192f0c1a2b37c4d8e9f00112233aabb", new ArticleId(Sample).ToString());
        Assert.Equal("kcd_0192f0c1a2b37c4d8e9f00112233aabb", new KnowledgeCandidateId(Sample).ToString());
        Assert.Equal("aut_0192f0c1a2b37c4d8e9f00112233aabb", new AutomationRunId(Sample).ToString());
        Assert.Equal("ssc_0192f0c1a2b37c4d8e9f00112233aabb", new SelfServiceConversationId(Sample).ToString());
    }

    [Fact]
    public void Parse_RoundTripsAndRejectsOtherKinds()
    {
        var article = new ArticleId(Sample);

        Assert.Equal(article, ArticleId.Parse(article.ToString()));
        Assert.False(ArticleId.TryParse(new KnowledgeCandidateId(Sample).ToString(), out _));
        Assert.False(SelfServiceConversationId.TryParse(new ConcernId(Sample).ToString(), out _));
        Assert.Throws<FormatException>(() => AutomationRunId.Parse("aut_123"));
        Assert.Throws<ArgumentException>(() => new ArticleId(Guid.Empty));
    }

    [Fact]
    public void Json_WritesFormattedText()
    {
        var id = new KnowledgeCandidateId(Sample);

        var json = JsonSerializer.Serialize(id);

        Assert.Equal("\"kcd_0192f0c1a2b37c4d8e9f00112233aabb\"", json);
        Assert.Equal(id, JsonSerializer.Deserialize<KnowledgeCandidateId>(json));
    }

    [Fact]
    public void New_OrdersByCreationInstant()
    {
        var earlier = ArticleId.New(Instant.FromUtc(2026, 1, 1, 0, 0));
        var later = ArticleId.New(Instant.FromUtc(2026, 1, 1, 0, 1));

        Assert.True(earlier < later);
        Assert.Equal(string.CompareOrdinal(earlier.ToString(), later.ToString()) < 0, earlier.CompareTo(later) < 0);
    }
}
