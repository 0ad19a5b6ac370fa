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
    /// <summary>Text that breaks naive SQL, JSON or encodings: quotes, a backslash, a NUL character, non-ASCII letters and an emoji.</summary>
    private const string UnusualText = "It's \"quoted\" \\ with a NUL \0 here; DROP TABLE x; -- Straße ＦＵＬＬ 😀\r\n";

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

    /// <summary>Unusual text at the maximum lengths, and every optional property, are read back unchanged.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_UnusualText_RoundTrips()
    {
        var store = CreateStore();
        var article = NewArticle("faq/unusual") with
        {
            Title = UnusualText + new string('t', KnowledgeArticle.MaxTitleLength - UnusualText.Length),
            Answer = UnusualText + new string('a', KnowledgeArticle.MaxTextLength - UnusualText.Length),
            QuestionVariants = [UnusualText, "  spaces around  ", "question about faq/unusual"],
            Tags = ["faq", "x.y_z-1"],
            Language = "de-ch",
            Automation = "card-reorder",
            Status = ArticleStatus.Published,
            SourceCandidate = KnowledgeCandidateId.New(Instant.FromUtc(2026, 1, 5, 9, 0)),
        };

        var saved = await store.SaveAsync(article);

        Assert.Equal(article with { Version = 1 }, saved);
        Assert.Equal(saved, await store.FindAsync(article.Id));
        Assert.Equal(saved, Assert.Single(await store.ListAsync(null, null, 10)));
    }

    /// <summary>Text with an unpaired surrogate, which no database can store, is rejected and nothing is written.</summary>
    /// <param name="field">The property that carries the broken text.</param>
    /// <returns>A task that completes when the test is done.</returns>
    [Theory]
    [InlineData("title")]
    [InlineData("answer")]
    [InlineData("variant")]
    public async Task Save_UnpairedSurrogate_Throws(string field)
    {
        var store = CreateStore();
        var article = NewArticle("faq/broken");
        const string Broken = "half an emoji \uD83D here";
        article = field switch
        {
            "title" => article with { Title = Broken },
            "answer" => article with { Answer = Broken },
            _ => article with { QuestionVariants = ["fine", Broken] },
        };

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(article));

        Assert.Null(await store.FindAsync(article.Id));
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

    /// <summary>Of several concurrent creations of one article exactly one wins; the others learn the stored version.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_ConcurrentCreates_OneWins()
    {
        var store = CreateStore();
        var article = NewArticle("cards/lost");

        var conflicts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => TrySaveAsync(store, article with { Title = "Creator " + i }))));

        var winner = Assert.Single(Enumerable.Range(0, 16), i => conflicts[i] is null);
        Assert.All(conflicts.OfType<ConcurrencyConflictException>(), conflict =>
        {
            Assert.Equal(0, conflict.ExpectedVersion);
            Assert.Equal(1, conflict.ActualVersion);
        });
        var stored = (await store.FindAsync(article.Id))!;
        Assert.Equal(1, stored.Version);
        Assert.Equal("Creator " + winner, stored.Title);
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

    /// <summary>
    /// Identifiers with arbitrary bits, including the highest bit of each field, come back in the order of
    /// <see cref="ArticleId.CompareTo(ArticleId)"/>, also across pages.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task List_ArbitraryIdentifiers_FollowCompareTo()
    {
        var store = CreateStore();
        var ids = SampleGuids.Arbitrary().Select(g => new ArticleId(g)).ToList();
        foreach (var id in ids)
        {
            await store.SaveAsync(new KnowledgeArticle(id, "Title", "Answer", ContactReason.Parse("faq/order")));
        }

        var listed = new List<ArticleId>();
        for (var page = await store.ListAsync(null, null, 7); page.Count > 0; page = await store.ListAsync(null, page[^1].Id, 7))
        {
            listed.AddRange(page.Select(a => a.Id));
        }

        Assert.Equal(ids.Order(), listed);
    }

    /// <summary>
    /// Paging by identifier survives writes between two page reads. An article that sorts before the cursor stays out,
    /// one after it appears, one that left the filtered status is skipped, and nothing repeats.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task List_ChangesBetweenPages_NoGapsOrRepeats()
    {
        var store = CreateStore();
        var early = NewArticle("faq/early") with { Status = ArticleStatus.Published };
        var stored = new List<KnowledgeArticle>();
        foreach (var i in Enumerable.Range(0, 4))
        {
            stored.Add(await store.SaveAsync(NewArticle("faq/q" + i) with { Status = ArticleStatus.Published }));
        }

        var late = NewArticle("faq/late") with { Status = ArticleStatus.Published };

        var first = await store.ListAsync(ArticleStatus.Published, null, 2);
        await store.SaveAsync(early);
        await store.SaveAsync(late);
        await store.SaveAsync(stored[2] with { Status = ArticleStatus.Retired });
        var rest = await store.ListAsync(ArticleStatus.Published, first[^1].Id, 10);

        Assert.Equal([stored[0].Id, stored[1].Id], first.Select(a => a.Id));
        Assert.Equal([stored[3].Id, late.Id], rest.Select(a => a.Id));
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

    /// <summary>Concurrent votes with the same key, as from a client that retries at once, count once.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task RecordFeedback_ConcurrentSameKey_CountsOnce()
    {
        var store = CreateStore();
        var article = await store.SaveAsync(NewArticle("cards/lost"));

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.RecordFeedbackAsync(article.Id, true, "ssc-1/turn-1"))));

        Assert.All(results, totals => Assert.Equal(new ArticleFeedback(1, 0), totals));
        Assert.Equal(new ArticleFeedback(1, 0), (await store.GetFeedbackAsync())[article.Id]);
    }

    /// <summary>A key identifies one vote in the whole store: used again for another article, it is not counted there.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task RecordFeedback_KeyReusedElsewhere_NotCounted()
    {
        var store = CreateStore();
        var first = await store.SaveAsync(NewArticle("cards/lost"));
        var second = await store.SaveAsync(NewArticle("cards/stolen"));
        await store.RecordFeedbackAsync(first.Id, true, "ssc-1/turn-1");

        var totals = await store.RecordFeedbackAsync(second.Id, false, "ssc-1/turn-1");

        Assert.Equal(new ArticleFeedback(0, 0), totals);
        Assert.Equal([first.Id], (await store.GetFeedbackAsync()).Keys);
    }

    /// <summary>Long keys are compared whole: two keys that differ only in their last character are two votes.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task RecordFeedback_LongKeys_ComparedWhole()
    {
        var store = CreateStore();
        var article = await store.SaveAsync(NewArticle("cards/lost"));
        var prefix = new string('k', 10_000);

        await store.RecordFeedbackAsync(article.Id, true, prefix + "1");
        await store.RecordFeedbackAsync(article.Id, false, prefix + "2");
        var repeated = await store.RecordFeedbackAsync(article.Id, true, prefix + "1");

        Assert.Equal(new ArticleFeedback(1, 1), repeated);
    }

    /// <summary>Writing the article again keeps its votes and the keys already seen.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task RecordFeedback_ArticleUpdatedAfterwards_KeepsVotes()
    {
        var store = CreateStore();
        var article = await store.SaveAsync(NewArticle("cards/lost"));
        await store.RecordFeedbackAsync(article.Id, true, "ssc-1/turn-1");

        await store.SaveAsync(article with { Status = ArticleStatus.Retired });
        var repeated = await store.RecordFeedbackAsync(article.Id, true, "ssc-1/turn-1");

        Assert.Equal(new ArticleFeedback(1, 0), repeated);
        Assert.Equal(new ArticleFeedback(1, 0), (await store.GetFeedbackAsync())[article.Id]);
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

    /// <summary>A cancelled token stops every operation, and a cancelled write changes nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Operations_Cancelled_Throw()
    {
        var store = CreateStore();
        var article = await store.SaveAsync(NewArticle("cards/lost"));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var unsaved = NewArticle("a");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(unsaved, cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.FindAsync(NextId(), cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListAsync(null, null, 10, cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.RecordFeedbackAsync(article.Id, true, "k", cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetFeedbackAsync(cancellation.Token));

        Assert.Null(await store.FindAsync(unsaved.Id));
        Assert.Empty(await store.GetFeedbackAsync());
    }

    private static async Task<ConcurrencyConflictException?> TrySaveAsync(IKnowledgeStore store, KnowledgeArticle article)
    {
        try
        {
            await store.SaveAsync(article);
            return null;
        }
        catch (ConcurrencyConflictException conflict)
        {
            return conflict;
        }
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
