using CustomerCare.Core;
using CustomerCare.SelfService;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.SelfService;

/// <summary>
/// The contract of <see cref="IKnowledgeCandidateStore"/> as tests: derive a class, return a fresh, empty store from
/// <see cref="CreateStore"/>, and every implementation is checked the same way.
/// </summary>
public abstract class KnowledgeCandidateStoreConformanceTests
{
    /// <summary>Text that breaks naive SQL, JSON or encodings: quotes, a backslash, a NUL character, non-ASCII letters and an emoji.</summary>
    private const string UnusualText = "It's \"quoted\" \\ with a NUL \0 here; DROP TABLE x; -- Straße ＦＵＬＬ 😀\r\n";

    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static long _sequence;

    /// <summary>Returns a new, empty store.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IKnowledgeCandidateStore CreateStore();

    /// <summary>A proposal is stored at version 1 and read back equal.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Propose_New_StoresVersionOne()
    {
        var store = CreateStore();
        var candidate = NewCandidate();

        var stored = await store.ProposeAsync(candidate);

        Assert.Equal(candidate with { Version = 1 }, stored);
        Assert.Equal(stored, await store.FindAsync(candidate.Id));
    }

    /// <summary>A second proposal for the same concern returns the first, unchanged.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Propose_SameConcernTwice_ReturnsExisting()
    {
        var store = CreateStore();
        var first = await store.ProposeAsync(NewCandidate());

        var second = await store.ProposeAsync(NewCandidate(first.SourceConcern) with { Question = "asked again" });

        Assert.Equal(first, second);
        Assert.Single(await store.ListAsync(null, null, 10));
    }

    /// <summary>Concurrent proposals for one concern store one candidate.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Propose_ConcurrentForOneConcern_StoresOne()
    {
        var store = CreateStore();
        var concern = NextConcern();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.ProposeAsync(NewCandidate(concern)))));

        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Single(await store.ListAsync(null, null, 10));
    }

    /// <summary>Only version 0 in status proposed can be proposed.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Propose_NotFresh_Throws()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.ProposeAsync(NewCandidate() with { Version = 2 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ProposeAsync(NewCandidate() with { Status = KnowledgeCandidateStatus.Approved }));
        Assert.Empty(await store.ListAsync(null, null, 10));
    }

    /// <summary>A proposal whose identifier another concern's candidate already has fails and stores nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Propose_SameIdOtherConcern_ThrowsConflict()
    {
        var store = CreateStore();
        var first = await store.ProposeAsync(NewCandidate());

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.ProposeAsync(NewCandidate() with { Id = first.Id }));

        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Equal(1, conflict.ActualVersion);
        Assert.Equal(first, Assert.Single(await store.ListAsync(null, null, 10)));
    }

    /// <summary>Concurrent proposals for distinct concerns are all stored, each at version 1.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Propose_ConcurrentDistinctConcerns_StoresAll()
    {
        var store = CreateStore();
        var candidates = Enumerable.Range(0, 16).Select(_ => NewCandidate()).ToList();

        var results = await Task.WhenAll(candidates.Select(c => Task.Run(() => store.ProposeAsync(c))));

        Assert.Equal(candidates.Select(c => c with { Version = 1 }), results);
        Assert.Equal(candidates.Select(c => c.Id).Order(), (await store.ListAsync(null, null, 100)).Select(c => c.Id));
    }

    /// <summary>Instants before 1970 and after it are kept to the whole microsecond, truncated towards the past.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_Instants_KeepMicroseconds()
    {
        var store = CreateStore();
        var proposedAt = Instant.FromUtc(1969, 12, 31, 23, 59, 59) + Duration.FromTicks(1_234_567);
        var decidedAt = Start + Duration.FromTicks(9_999_999);

        var proposed = await store.ProposeAsync(NewCandidate() with { ProposedAt = proposedAt });
        var decided = await store.SaveAsync(proposed with { Status = KnowledgeCandidateStatus.Approved, DecidedAt = decidedAt });

        Assert.Equal(Precision.ToMicroseconds(proposedAt), proposed.ProposedAt);
        Assert.Equal(Instant.FromUtc(1969, 12, 31, 23, 59, 59) + Duration.FromTicks(1_234_560), proposed.ProposedAt);
        Assert.Equal(Start + Duration.FromTicks(9_999_990), decided.DecidedAt);
        Assert.Equal(decided, await store.FindAsync(proposed.Id));
    }

    /// <summary>Unusual text, a custom competence level with its name, and every decision property are read back unchanged.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_EveryProperty_RoundTrips()
    {
        var store = CreateStore();
        var proposed = await store.ProposeAsync(NewCandidate() with { Question = UnusualText, ResolvedAtLevel = new CompetenceLevel(4, "Platform engineers") });

        var decided = proposed with
        {
            Resolution = "Edited: " + UnusualText,
            Status = KnowledgeCandidateStatus.Published,
            Reviewer = AgentId.New(Start),
            DecidedAt = Start + Duration.FromHours(3),
            ReviewNote = UnusualText,
            PublishedArticle = new ArticleId(proposed.Id.Value),
        };
        var saved = await store.SaveAsync(decided);
        var found = await store.FindAsync(proposed.Id);

        Assert.Equal(decided with { Version = 2 }, saved);
        Assert.Equal(saved, found);
        Assert.Equal("Platform engineers", found!.ResolvedAtLevel.Name);
        Assert.Equal(UnusualText, found.Question);
    }

    /// <summary>Text with an unpaired surrogate, which no database can store, is rejected on proposal and on save.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_UnpairedSurrogate_Throws()
    {
        var store = CreateStore();
        var stored = await store.ProposeAsync(NewCandidate());

        await Assert.ThrowsAsync<ArgumentException>(() => store.ProposeAsync(NewCandidate() with { Question = "half an emoji \uD83D" }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(stored with { ReviewNote = "half an emoji \uDE00" }));

        Assert.Equal(stored, Assert.Single(await store.ListAsync(null, null, 10)));
    }

    /// <summary>A save that names another source concern than the stored candidate fails and changes nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_OtherSourceConcern_Throws()
    {
        var store = CreateStore();
        var stored = await store.ProposeAsync(NewCandidate());

        await Assert.ThrowsAsync<ArgumentException>(() => store.SaveAsync(stored with { SourceConcern = NextConcern(), Status = KnowledgeCandidateStatus.Approved }));

        Assert.Equal(stored, await store.FindAsync(stored.Id));
    }

    /// <summary>Save does not create: version 0 conflicts with a stored candidate and with a missing one alike.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_VersionZero_ThrowsConflict()
    {
        var store = CreateStore();
        var stored = await store.ProposeAsync(NewCandidate());
        var missing = NewCandidate();

        var existing = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(stored with { Version = 0 }));
        var absent = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(missing));

        Assert.Equal((0L, (long?)1L), (existing.ExpectedVersion, existing.ActualVersion));
        Assert.Equal((0L, (long?)null), (absent.ExpectedVersion, absent.ActualVersion));
        Assert.Null(await store.FindAsync(missing.Id));
    }

    /// <summary>A decision is stored with the next version.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_Decision_IncrementsVersion()
    {
        var store = CreateStore();
        var stored = await store.ProposeAsync(NewCandidate());

        var approved = await store.SaveAsync(stored with { Status = KnowledgeCandidateStatus.Approved, DecidedAt = Start });

        Assert.Equal(2, approved.Version);
        Assert.Equal(KnowledgeCandidateStatus.Approved, (await store.FindAsync(stored.Id))!.Status);
    }

    /// <summary>Two reviewers deciding from the same version: the second fails and the first decision stays.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_StaleVersion_ThrowsConflict()
    {
        var store = CreateStore();
        var stored = await store.ProposeAsync(NewCandidate());
        await store.SaveAsync(stored with { Status = KnowledgeCandidateStatus.Rejected, ReviewNote = "duplicate" });

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(stored with { Status = KnowledgeCandidateStatus.Approved }));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(KnowledgeCandidateStatus.Rejected, (await store.FindAsync(stored.Id))!.Status);
    }

    /// <summary>Saving a candidate that was never proposed fails.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_Missing_ThrowsConflict()
    {
        var store = CreateStore();

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(NewCandidate() with { Version = 1 }));

        Assert.Null(conflict.ActualVersion);
    }

    /// <summary>Of several concurrent decisions at the same version exactly one wins.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Save_Concurrent_OneWins()
    {
        var store = CreateStore();
        var stored = await store.ProposeAsync(NewCandidate());

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.SaveAsync(stored with { ReviewNote = "reviewer " + i, Status = KnowledgeCandidateStatus.Approved });
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Equal(1, results.Count(r => r));
    }

    /// <summary>Pages follow the identifier order and filter by status.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task List_PagesAndFilters()
    {
        var store = CreateStore();
        var ids = new List<KnowledgeCandidateId>();
        for (var i = 0; i < 5; i++)
        {
            var stored = await store.ProposeAsync(NewCandidate());
            ids.Add(stored.Id);
            if (i % 2 == 1)
            {
                await store.SaveAsync(stored with { Status = KnowledgeCandidateStatus.Rejected });
            }
        }

        var first = await store.ListAsync(null, null, 2);
        var rest = await store.ListAsync(null, first[^1].Id, 10);
        var proposed = await store.ListAsync(KnowledgeCandidateStatus.Proposed, null, 10);

        Assert.Equal(ids.Order(), first.Concat(rest).Select(c => c.Id));
        Assert.Equal([ids[0], ids[2], ids[4]], proposed.Select(c => c.Id));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(null, null, 0));
    }

    /// <summary>Identifiers with arbitrary bits come back in the order of <see cref="KnowledgeCandidateId.CompareTo(KnowledgeCandidateId)"/>, also across pages.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task List_ArbitraryIdentifiers_FollowCompareTo()
    {
        var store = CreateStore();
        var ids = SampleGuids.Arbitrary().Select(g => new KnowledgeCandidateId(g)).ToList();
        foreach (var id in ids)
        {
            await store.ProposeAsync(NewCandidate() with { Id = id });
        }

        var listed = new List<KnowledgeCandidateId>();
        for (var page = await store.ListAsync(null, null, 7); page.Count > 0; page = await store.ListAsync(null, page[^1].Id, 7))
        {
            listed.AddRange(page.Select(c => c.Id));
        }

        Assert.Equal(ids.Order(), listed);
    }

    /// <summary>
    /// Paging by identifier survives writes between two page reads. A candidate that sorts before the cursor stays out,
    /// one after it appears, one decided in between leaves the proposed filter, and nothing repeats.
    /// </summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task List_ChangesBetweenPages_NoGapsOrRepeats()
    {
        var store = CreateStore();
        var early = NewCandidate();
        var stored = new List<KnowledgeCandidate>();
        for (var i = 0; i < 4; i++)
        {
            stored.Add(await store.ProposeAsync(NewCandidate()));
        }

        var late = NewCandidate();

        var first = await store.ListAsync(KnowledgeCandidateStatus.Proposed, null, 2);
        await store.ProposeAsync(early);
        await store.ProposeAsync(late);
        await store.SaveAsync(stored[2] with { Status = KnowledgeCandidateStatus.Rejected, ReviewNote = "duplicate" });
        var rest = await store.ListAsync(KnowledgeCandidateStatus.Proposed, first[^1].Id, 10);

        Assert.Equal([stored[0].Id, stored[1].Id], first.Select(c => c.Id));
        Assert.Equal([stored[3].Id, late.Id], rest.Select(c => c.Id));
    }

    /// <summary>An unknown identifier is not found, and a default one is rejected.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Find_MissingOrDefault_ReturnsNullOrThrows()
    {
        var store = CreateStore();

        Assert.Null(await store.FindAsync(NewCandidate().Id));
        await Assert.ThrowsAsync<ArgumentException>(() => store.FindAsync(default));
    }

    /// <summary>A page size outside 1 to 1,000 is rejected.</summary>
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

    /// <summary>A null candidate is rejected by every write, and nothing is stored.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Writes_NullCandidate_Throw()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.ProposeAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(null!));
        Assert.Empty(await store.ListAsync(null, null, 10));
    }

    /// <summary>A cancelled token stops every operation, and a cancelled write changes nothing.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Operations_Cancelled_Throw()
    {
        var store = CreateStore();
        var stored = await store.ProposeAsync(NewCandidate());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var unsaved = NewCandidate();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ProposeAsync(unsaved, cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(stored with { Status = KnowledgeCandidateStatus.Approved }, cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.FindAsync(stored.Id, cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListAsync(null, null, 10, cancellation.Token));

        Assert.Equal(stored, Assert.Single(await store.ListAsync(null, null, 10)));
    }

    private static ConcernId NextConcern() => ConcernId.New(Start + Duration.FromMilliseconds(Interlocked.Increment(ref _sequence)));

    private static KnowledgeCandidate NewCandidate(ConcernId? concern = null)
    {
        var at = Start + Duration.FromMilliseconds(Interlocked.Increment(ref _sequence));
        return new KnowledgeCandidate(
            KnowledgeCandidateId.New(at), concern ?? NextConcern(), "Why was I charged twice?", "Reverse the duplicate pre-authorization.", ContactReason.Parse("billing/duplicate-charge"), CompetenceLevel.SecondLevel, at);
    }
}
