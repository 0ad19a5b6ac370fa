using CustomerCare.Core;
using CustomerCare.SelfService;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.SelfService;

/// <summary>
/// The contract of <see cref="IKnowledgeStore"/> as tests: derive a class, return a fresh, empty store from
/// <see cref="CreateStore"/>, and every implementation (in memory, SQLite, PostgreSQL, a host's own) is checked the
/// same way.
/// </summary>
public abstract class KnowledgeStoreConformanceTests
{
    private static long _clock;

    /// <summary>Returns a new, empty store.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IKnowledgeStore CreateStore();

    /// <summary>A new article is stored at version 1 and read back equal.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_NewArticle_StoresVersionOne()
    {
        var store = CreateStore();
        var article = NewArticle("cards/lost") with { Tags = ["cards", "security"], Automation = "card-block", Language = "de" };

        var saved = await store.SaveAsync(article);
        var found = await store.FindAsync(article.Id);

        Assert.Equal(1, saved.Version);
        Assert.Equal(article with { Version = 1 }, found);
    }

    /// <summary>Each write raises the version by one.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_Update_IncrementsVersion()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewArticle("cards/lost"));

        var updated = await store.SaveAsync(saved with { Title = "Lost or stolen card" });
        var again = await store.SaveAsync(updated with { Status = ArticleStatus.Retired });

        Assert.Equal(2, updated.Version);
        Assert.Equal(3, again.Version);
        Assert.Equal(ArticleStatus.Retired, (await store.FindAsync(saved.Id))!.Status);
    }

    /// <summary>A write at a version that is no longer stored fails and names both versions.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_StaleVersion_ThrowsConflict()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewArticle("cards/lost"));
        await store.SaveAsync(saved with { Title = "First writer" });

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved with { Title = "Second writer" }));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal("First writer", (await store.FindAsync(saved.Id))!.Title);
    }

    /// <summary>Creating an article whose identifier exists fails.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_NewButExisting_ThrowsConflict()
    {
        var store = CreateStore();
        var article = NewArticle("cards/lost");
        await store.SaveAsync(article);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(article));

        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Equal(1, conflict.ActualVersion);
    }

    /// <summary>Updating an article that was never stored fails with no actual version.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_UpdateOfMissing_ThrowsConflict()
    {
        var store = CreateStore();

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(NewArticle("cards/lost") with { Version = 3 }));

        Assert.Equal(3, conflict.ExpectedVersion);
        Assert.Null(conflict.ActualVersion);
    }

    /// <summary>Of several writers at the same version exactly one wins.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_ConcurrentWriters_OneWins()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewArticle("cards/lost"));

        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.SaveAsync(saved with { Title = "Writer " + i });
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await store.FindAsync(saved.Id))!.Version);
    }

    /// <summary>An unknown identifier is not found, and a default one is rejected.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Find_MissingOrDefault_ReturnsNullOrThrows()
    {
        var store = CreateStore();

        Assert.Null(await store.FindAsync(NextId()));
        await Assert.ThrowsAsync<ArgumentException>(() => store.FindAsync(default));
    }

    /// <summary>Pages follow the identifier order without gaps or repeats.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task List_PagesInIdentifierOrder()
    {
        var store = CreateStore();
        var ids = new List<ArticleId>();
        foreach (var i in Enumerable.Range(0, 7))
        {
            ids.Add((await store.SaveAsync(NewArticle("faq/q" + i))).Id);
        }

        var first = await store.ListAsync(null, null, 3);
        var second = await store.ListAsync(null, first[^1].Id, 3);
        var third = await store.ListAsync(null, second[^1].Id, 3);

        Assert.Equal([3, 3, 1], new[] { first.Count, second.Count, third.Count });
        Assert.Equal(ids.Order(), first.Concat(second).Concat(third).Select(a => a.Id));
    }

    /// <summary>A status filter returns only articles with that status.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task List_FiltersByStatus()
    {
        var store = CreateStore();
        var published = await store.SaveAsync(NewArticle("faq/a") with { Status = ArticleStatus.Published });
        await store.SaveAsync(NewArticle("faq/b"));
        await store.SaveAsync(NewArticle("faq/c") with { Status = ArticleStatus.Retired });

        var page = await store.ListAsync(ArticleStatus.Published, null, 10);

        Assert.Equal(published.Id, Assert.Single(page).Id);
    }

    /// <summary>Page sizes outside 1 to 1,000 are rejected.</summary>
    /// <param name="limit">The page size.</param>
    /// <returns>A task that completes when the test is done.</returns>
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public async Task List_InvalidLimit_Throws(int limit)
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(null, null, limit));
    }

    /// <summary>A vote repeated with the same key counts once.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task RecordFeedback_RepeatedKey_CountsOnce()
    {
        var store = CreateStore();
        var article = await store.SaveAsync(NewArticle("cards/lost"));

        await store.RecordFeedbackAsync(article.Id, true, "ssc-1/turn-1");
        var repeated = await store.RecordFeedbackAsync(article.Id, true, "ssc-1/turn-1");
        var other = await store.RecordFeedbackAsync(article.Id, false, "ssc-2/turn-1");

        Assert.Equal(new ArticleFeedback(1, 0), repeated);
        Assert.Equal(new ArticleFeedback(1, 1), other);
        Assert.Equal(other, (await store.GetFeedbackAsync())[article.Id]);
    }

    /// <summary>Concurrent votes with distinct keys are all counted.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task RecordFeedback_Concurrent_CountsEveryKey()
    {
        var store = CreateStore();
        var article = await store.SaveAsync(NewArticle("cards/lost"));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => store.RecordFeedbackAsync(article.Id, i % 5 != 0, "vote-" + i))));

        Assert.Equal(new ArticleFeedback(40, 10), (await store.GetFeedbackAsync())[article.Id]);
    }

    /// <summary>A vote on an unknown article fails, and a blank key is rejected.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task RecordFeedback_BadInput_Throws()
    {
        var store = CreateStore();
        var article = await store.SaveAsync(NewArticle("cards/lost"));

        await Assert.ThrowsAsync<EntityNotFoundException>(() => store.RecordFeedbackAsync(NextId(), true, "k"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordFeedbackAsync(article.Id, true, " "));
        Assert.Empty(await store.GetFeedbackAsync());
    }

    /// <summary>A cancelled token stops every operation.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Operations_Cancelled_Throw()
    {
        var store = CreateStore();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(NewArticle("a"), cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.FindAsync(NextId(), cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListAsync(null, null, 10, cancellation.Token));
    }

    /// <summary>Returns a new identifier that sorts after every earlier one.</summary>
    /// <returns>The identifier.</returns>
    protected static ArticleId NextId() => ArticleId.New(Instant.FromUnixTimeMilliseconds(1_700_000_000_000 + Interlocked.Increment(ref _clock)));

    private static KnowledgeArticle NewArticle(string intent) =>
        new(NextId(), "Title of " + intent, "Answer of " + intent, ContactReason.Parse(intent))
        {
            QuestionVariants = ["question about " + intent],
        };
}
