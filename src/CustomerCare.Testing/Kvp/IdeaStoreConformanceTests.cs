using System.Diagnostics.CodeAnalysis;
using CustomerCare.Core;
using CustomerCare.Kvp.Effects;
using CustomerCare.Kvp.Ideas;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.Kvp;

/// <summary>
/// The behaviour every <see cref="IIdeaStore"/> must show: optimistic versions, idempotent submission, filtering,
/// stable paging and argument checks. Derive a test class, implement <see cref="CreateStore"/>, and run it.
/// </summary>
[SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores", Justification = "Test names follow Member_Case_Expected.")]
[SuppressMessage("Reliability", "CA2007:Consider calling ConfigureAwait on the awaited task", Justification = "xunit tests run without a synchronization context that needs it.")]
public abstract class IdeaStoreConformanceTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);
    private long _sequence;

    /// <summary>Creates an empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IIdeaStore CreateStore();

    /// <summary>A missing idea is null, not an error.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task FindAsync_Missing_ReturnsNull()
    {
        var store = CreateStore();

        var found = await store.FindAsync(NextId());

        Assert.Null(found);
    }

    /// <summary>A new idea is stored at version 1 with all its content.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_New_StoresVersionOneWithContent()
    {
        var store = CreateStore();
        var idea = NewIdea()
            .WithEvidence(IdeaEvidence.ForContactReason(ContactReason.Parse("billing/refund")))
            .WithEvidence(IdeaEvidence.ForStatement("I cannot find the refund form."))
            .WithTarget(ContactReason.Parse("billing/refund"), ImprovementMetric.ContactVolume);

        var saved = await store.SaveAsync(idea, 0);
        var found = await store.FindAsync(idea.Id);

        Assert.Equal(1, saved.Version);
        Assert.NotNull(found);
        Assert.Equal(1, found.Version);
        Assert.Equal(idea.Title, found.Title);
        Assert.Equal(idea.Description, found.Description);
        Assert.Equal(idea.Submitter, found.Submitter);
        Assert.Equal(idea.SubmittedAt, found.SubmittedAt);
        Assert.Equal(idea.Evidence, found.Evidence);
        Assert.Equal(idea.TargetReason, found.TargetReason);
        Assert.Equal(idea.TargetMetric, found.TargetMetric);
    }

    /// <summary>Each write raises the version by one, and the lifecycle state and feedback survive.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_Existing_IncrementsVersion()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewIdea(), 0);
        var moved = new IdeaLifecycle().Fire(saved, IdeaTrigger.StartScreening, Start.Plus(Duration.FromHours(1))).Idea;

        var second = await store.SaveAsync(moved, 1);
        var found = await store.FindAsync(saved.Id);

        Assert.Equal(2, second.Version);
        Assert.Equal(IdeaState.Screening, found!.State);
        Assert.Single(found.Feedback);
    }

    /// <summary>A write with a stale version fails, names both versions and stores nothing.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsWithVersions()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewIdea(), 0);
        await store.SaveAsync(saved, 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved, 1));

        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
        Assert.Equal(2, (await store.FindAsync(saved.Id))!.Version);
    }

    /// <summary>Expected version 0 means the idea must not exist yet.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_NewButExists_Throws()
    {
        var store = CreateStore();
        var idea = NewIdea();
        await store.SaveAsync(idea, 0);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(idea, 0));

        Assert.Equal(0, conflict.ExpectedVersion);
        Assert.Equal(1, conflict.ActualVersion);
    }

    /// <summary>A write that expects a version of a missing idea fails with no actual version.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_ExpectedVersionOfMissing_Throws()
    {
        var store = CreateStore();

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(NewIdea(), 3));

        Assert.Null(conflict.ActualVersion);
    }

    /// <summary>Of several writers with the same expected version, exactly one wins.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_ConcurrentWriters_ExactlyOneWins()
    {
        var store = CreateStore();
        var saved = await store.SaveAsync(NewIdea(), 0);

        var attempts = Enumerable.Range(0, 8).Select(async _ =>
        {
            await Task.Yield();
            try
            {
                await store.SaveAsync(saved.WithEvidence(IdeaEvidence.ForMetric("fcr")), 1);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }).ToList();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        Assert.Equal(2, (await store.FindAsync(saved.Id))!.Version);
    }

    /// <summary>The same idempotency key stores the idea once and returns the first one.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SubmitAsync_SameKeyTwice_StoresOnce()
    {
        var store = CreateStore();
        var first = NewIdea();
        var second = NewIdea();

        var stored = await store.SubmitAsync(first, "signal:volume:billing:2026-03-02");
        var repeated = await store.SubmitAsync(second, "signal:volume:billing:2026-03-02");

        Assert.Equal(first.Id, stored.Id);
        Assert.Equal(first.Id, repeated.Id);
        Assert.Equal(1, repeated.Version);
        Assert.Null(await store.FindAsync(second.Id));
    }

    /// <summary>A repeated key returns the idea at its current version, after it moved on.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SubmitAsync_SameKeyAfterChange_ReturnsCurrentVersion()
    {
        var store = CreateStore();
        var stored = await store.SubmitAsync(NewIdea(), "key-1");
        await store.SaveAsync(stored, 1);

        var repeated = await store.SubmitAsync(NewIdea(), "key-1");

        Assert.Equal(stored.Id, repeated.Id);
        Assert.Equal(2, repeated.Version);
    }

    /// <summary>The same idea under another key is a conflict, not a second copy.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SubmitAsync_SameIdOtherKey_Throws()
    {
        var store = CreateStore();
        var idea = NewIdea();
        await store.SubmitAsync(idea, "key-1");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SubmitAsync(idea, "key-2"));
    }

    /// <summary>Concurrent submissions with one key store one idea.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SubmitAsync_ConcurrentSameKey_StoresOnce()
    {
        var store = CreateStore();
        var ideas = Enumerable.Range(0, 8).Select(_ => NewIdea()).ToList();

        var results = await Task.WhenAll(ideas.Select(async idea =>
        {
            await Task.Yield();
            return await store.SubmitAsync(idea, "same-key");
        }));

        Assert.Single(results.Select(r => r.Id).Distinct());
        var page = await store.ListAsync(new IdeaQuery());
        Assert.Single(page.Items);
    }

    /// <summary>Bad arguments fail before anything is stored.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Operations_BadArguments_Throw()
    {
        var store = CreateStore();
        var stored = await store.SaveAsync(NewIdea(), 0);

        await Assert.ThrowsAsync<ArgumentException>(() => store.FindAsync(default));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(null!, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.SaveAsync(NewIdea(), -1));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SubmitAsync(null!, "key"));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SubmitAsync(NewIdea(), " "));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SubmitAsync(NewIdea(), new string('k', 201)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.SubmitAsync(stored, "key"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.ListAsync(null!));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(new IdeaQuery { PageSize = 0 }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(new IdeaQuery { PageSize = IdeaQuery.MaxPageSize + 1 }));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.ListAsync(new IdeaQuery { ContinuationToken = "not a token" }));
    }

    /// <summary>A cancelled token stops the operation.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Operations_Cancelled_Throw()
    {
        var store = CreateStore();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(NewIdea(), 0, cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.FindAsync(NextId(), cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.ListAsync(new IdeaQuery(), cancellation.Token));
    }

    /// <summary>Listing filters by state and by target reason, including reasons below it.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_Filters_ByStateAndReason()
    {
        var store = CreateStore();
        var refund = await store.SaveAsync(NewIdea().WithTarget(ContactReason.Parse("billing/refund"), ImprovementMetric.Csat), 0);
        var screened = new IdeaLifecycle().Fire(refund, IdeaTrigger.StartScreening, Start).Idea;
        await store.SaveAsync(screened, 1);
        await store.SaveAsync(NewIdea().WithTarget(ContactReason.Parse("delivery"), ImprovementMetric.Csat), 0);
        await store.SaveAsync(NewIdea(), 0);

        var billing = await store.ListAsync(new IdeaQuery { TargetReason = ContactReason.Parse("billing") });
        var screening = await store.ListAsync(new IdeaQuery { State = IdeaState.Screening });
        var submitted = await store.ListAsync(new IdeaQuery { State = IdeaState.Submitted });

        Assert.Equal([refund.Id], billing.Items.Select(i => i.Id));
        Assert.Equal([refund.Id], screening.Items.Select(i => i.Id));
        Assert.Equal(2, submitted.Items.Count);
    }

    /// <summary>Pages follow submission order without gaps or repeats, also when ideas are added between pages.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_Pages_InOrderWithoutGapsOrRepeats()
    {
        var store = CreateStore();
        var ideas = new List<ImprovementIdea>();
        for (var i = 0; i < 23; i++)
        {
            ideas.Add(await store.SaveAsync(NewIdea(Start.Plus(Duration.FromMinutes(23 - i))), 0));
        }

        var seen = new List<IdeaId>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync(new IdeaQuery { PageSize = 5, ContinuationToken = token });
            seen.AddRange(page.Items.Select(i => i.Id));
            token = page.ContinuationToken;
            pages++;
            if (pages == 2)
            {
                await store.SaveAsync(NewIdea(Start.Minus(Duration.FromDays(1))), 0);
            }
        }
        while (token is not null);

        Assert.Equal(5, pages);
        Assert.Equal(ideas.OrderBy(i => i.SubmittedAt).Select(i => i.Id), seen);
    }

    private IdeaId NextId() => new(TestIdFactory.ValueFor(Interlocked.Increment(ref _sequence)));

    private ImprovementIdea NewIdea(Instant? at = null) =>
        ImprovementIdea.Submit(NextId(), "Explain refunds on the invoice", "Customers ask where the refund appears.", "agt_test", at ?? Start);
}
