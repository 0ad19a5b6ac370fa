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

    /// <summary>An unknown identifier is not found, and a default one is rejected.</summary>
    /// <returns>A task that completes when the test is done.</returns>
    [Fact]
    public async Task Find_MissingOrDefault_ReturnsNullOrThrows()
    {
        var store = CreateStore();

        Assert.Null(await store.FindAsync(NewCandidate().Id));
        await Assert.ThrowsAsync<ArgumentException>(() => store.FindAsync(default));
    }

    private static ConcernId NextConcern() => ConcernId.New(Start + Duration.FromMilliseconds(Interlocked.Increment(ref _sequence)));

    private static KnowledgeCandidate NewCandidate(ConcernId? concern = null)
    {
        var at = Start + Duration.FromMilliseconds(Interlocked.Increment(ref _sequence));
        return new KnowledgeCandidate(
            KnowledgeCandidateId.New(at), concern ?? NextConcern(), "Why was I charged twice?", "Reverse the duplicate pre-authorization.", ContactReason.Parse("billing/duplicate-charge"), CompetenceLevel.SecondLevel, at);
    }
}
