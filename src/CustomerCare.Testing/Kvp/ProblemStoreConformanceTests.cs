using System.Diagnostics.CodeAnalysis;
using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Problems;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.Kvp;

/// <summary>
/// The behaviour every <see cref="IProblemStore"/> must show: optimistic versions, filtering, stable paging and argument
/// checks. Derive a test class, implement <see cref="CreateStore"/>, and run it.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Member_Case_Expected.")]
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "xunit tests run without a synchronization context that needs it.")]
public abstract class ProblemStoreConformanceTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private readonly TestIdFactory _ids = new();
    private long _sequence;

    /// <summary>Creates an empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IProblemStore CreateStore();

    /// <summary>A missing record is null, not an error.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task FindAsync_Missing_ReturnsNull()
    {
        var store = CreateStore();

        Assert.Null(await store.FindAsync(NextId()));
    }

    /// <summary>A new record is stored at version 1 with its concerns, workaround and links.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_New_StoresVersionOneWithContent()
    {
        var store = CreateStore();
        var concern = _ids.NextConcernId();
        var problem = NewProblem()
            .WithConcern(concern)
            .WithReason(ContactReason.Parse("login/password-reset"))
            .WithRootCause("The reset mail is filtered as spam.")
            .WithWorkaround("Ask the customer to check the spam folder.", Start)
            .PublishWorkaround("kb-1042", Start.Plus(Duration.FromHours(1)))
            .LinkIdea(new IdeaId(TestIdFactory.ValueFor(99)))
            .LinkChange("CHG-7");

        var saved = await store.SaveAsync(problem, 0);
        var found = await store.FindAsync(problem.Id);

        Assert.Equal(1, saved.Version);
        Assert.NotNull(found);
        Assert.Equal(ProblemState.KnownError, found.State);
        Assert.Equal([concern], found.Concerns);
        Assert.Equal(problem.Reasons, found.Reasons);
        Assert.Equal(problem.RootCause, found.RootCause);
        Assert.Equal(problem.Workaround, found.Workaround);
        Assert.Equal(problem.Ideas, found.Ideas);
        Assert.Equal(problem.Changes, found.Changes);
    }

    /// <summary>Each write raises the version by one.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_Existing_IncrementsVersion()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewProblem(), 0);

        var second = await store.SaveAsync(saved.WithConcern(_ids.NextConcernId()), 1);
        var third = await store.SaveAsync(second.LinkChange("CHG-1").Resolve(Start), 2);

        Assert.Equal(3, third.Version);
        Assert.Equal(ProblemState.Resolved, (await store.FindAsync(saved.Id))!.State);
    }

    /// <summary>A write with a stale version fails, names both versions and stores nothing.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsWithVersions()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewProblem(), 0);
        await store.SaveAsync(saved.WithConcern(_ids.NextConcernId()), 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved, 1));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Single((await store.FindAsync(saved.Id))!.Concerns);
    }

    /// <summary>Expected version 0 means the record must not exist yet, and a version of a missing record fails.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_VersionMismatchOnCreate_Throws()
    {
        var store = CreateStore();
        var problem = NewProblem();
        await store.SaveAsync(problem, 0);

        var exists = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(problem, 0));
        var missing = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(NewProblem(), 2));

        Assert.Equal(1, exists.ActualVersion);
        Assert.Null(missing.ActualVersion);
    }

    /// <summary>Of several writers with the same expected version, exactly one wins.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_ConcurrentWriters_ExactlyOneWins()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewProblem(), 0);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            await Task.Yield();
            try
            {
                await store.SaveAsync(saved.WithConcern(_ids.NextConcernId()), 1);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await store.FindAsync(saved.Id))!.Version);
    }

    /// <summary>Listing filters by state and by grouped concern.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_Filters_ByStateAndConcern()
    {
        var store = CreateStore();
        var concern = _ids.NextConcernId();
        var known = await store.SaveAsync(NewProblem().WithConcern(concern).WithWorkaround("Restart the router.", Start), 0);
        await store.SaveAsync(NewProblem().WithConcern(_ids.NextConcernId()), 0);

        var byConcern = await store.ListAsync(new ProblemQuery { Concern = concern });
        var byState = await store.ListAsync(new ProblemQuery { State = ProblemState.KnownError });
        var all = await store.ListAsync(new ProblemQuery());

        Assert.Equal([known.Id], byConcern.Items.Select(p => p.Id));
        Assert.Equal([known.Id], byState.Items.Select(p => p.Id));
        Assert.Equal(2, all.Items.Count);
        Assert.Null(all.ContinuationToken);
    }

    /// <summary>Pages follow opening order without gaps or repeats.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_Pages_InOrderWithoutGapsOrRepeats()
    {
        var store = CreateStore();
        var problems = new List<ProblemRecord>();
        for (var i = 0; i < 11; i++)
        {
            // Every second record shares an instant, so the identifier must break the tie.
            problems.Add(await store.SaveAsync(NewProblem(Start.Plus(Duration.FromMinutes(i / 2))), 0));
        }

        var seen = new List<ProblemId>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(new ProblemQuery { PageSize = 3, ContinuationToken = token });
            seen.AddRange(page.Items.Select(p => p.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(problems.OrderBy(p => p.OpenedAt).ThenBy(p => p.Id.Value).Select(p => p.Id), seen);
    }

    /// <summary>Bad arguments and cancelled tokens fail before anything is stored.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Operations_BadArgumentsOrCancelled_Throw()
    {
        var store = CreateStore();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.FindAsync(default));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(null!, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SaveAsync(NewProblem(), -1));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.ListAsync(null!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(new ProblemQuery { PageSize = 0 }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(new ProblemQuery { ContinuationToken = "x" }));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(NewProblem(), 0, cancellation.Token));
        Assert.Empty((await store.ListAsync(new ProblemQuery())).Items);
    }

    private ProblemId NextId() => new(TestIdFactory.ValueFor(Interlocked.Increment(ref _sequence)));

    private ProblemRecord NewProblem(Instant? at = null) =>
        ProblemRecord.Open(NextId(), "Password reset mails do not arrive", ProblemOrigin.Person, at ?? Start);
}
