using CustomerCare.Core;

namespace CustomerCare.SelfService.Tests.Knowledge;

public class KnowledgeArticleTests
{
    private static KnowledgeArticle Article() => new(Articles.NextId(), "Lost card", "Block it in the app.", ContactReason.Parse("cards/lost"));

    [Fact]
    public void Properties_NormalizeAndDeduplicate()
    {
        var article = Article() with
        {
            QuestionVariants = ["lost my card", "lost my card", "card stolen"],
            Tags = ["Cards", "security", "cards"],
            Language = " EN-GB ",
            Automation = "Card-Block",
        };

        Assert.Equal(["lost my card", "card stolen"], article.QuestionVariants);
        Assert.Equal(["cards", "security"], article.Tags);
        Assert.Equal("en-gb", article.Language);
        Assert.Equal("card-block", article.Automation);
        Assert.Equal(ArticleStatus.Draft, article.Status);
    }

    [Fact]
    public void Equality_ComparesListsByElement()
    {
        var article = Article() with { QuestionVariants = ["a", "b"] };

        var copy = article with { QuestionVariants = ["a", "b"] };

        Assert.Equal(article, copy);
        Assert.True(article == copy);
        Assert.NotEqual(article, copy with { QuestionVariants = ["b", "a"] });
    }

    [Fact]
    public void InvalidValues_Throw()
    {
        Assert.Throws<ArgumentException>(() => Article() with { Title = " " });
        Assert.Throws<ArgumentException>(() => Article() with { Title = new string('x', KnowledgeArticle.MaxTitleLength + 1) });
        Assert.Throws<ArgumentException>(() => Article() with { QuestionVariants = ["ok", ""] });
        Assert.Throws<FormatException>(() => Article() with { Tags = ["not a tag"] });
        Assert.Throws<ArgumentOutOfRangeException>(() => Article() with { Version = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => Article() with { Status = (ArticleStatus)9 });
        Assert.Throws<ArgumentException>(() => new KnowledgeArticle(default, "t", "a", ContactReason.Parse("x")));
        Assert.Throws<ArgumentException>(() => new KnowledgeArticle(Articles.NextId(), "t", "a", default));
    }

    [Fact]
    public void Feedback_SmoothsTowardsOneHalf()
    {
        Assert.Equal(0.5, default(ArticleFeedback).SmoothedHelpfulShare(10));
        Assert.Equal(6 / 11.0, new ArticleFeedback(1, 0).SmoothedHelpfulShare(10), 9);
        Assert.Equal(1, new ArticleFeedback(3, 0).SmoothedHelpfulShare(0));
        Assert.Equal(new ArticleFeedback(2, 1), new ArticleFeedback(1, 1).Add(true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArticleFeedback(-1, 0));
    }
}
