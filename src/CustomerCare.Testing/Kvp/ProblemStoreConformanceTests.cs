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

    /// <summary>Instants come back in whole microseconds, truncated towards the past; the returned record equals the stored one.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_SubMicrosecondInstants_TruncatesToMicroseconds()
    {
        var store = CreateStore();
        var problem = NewProblem(Start.PlusTicks(7))
            .WithWorkaround("Restart the router.", Start.PlusTicks(15))
            .PublishWorkaround("kb-7", Start.PlusTicks(29))
            .LinkChange("CHG-9")
            .Resolve(Start.PlusTicks(-3));

        var saved = await store.SaveAsync(problem, 0);
        var found = await store.FindAsync(problem.Id);

        Assert.Equal(Start, saved.OpenedAt);
        Assert.Equal(Start.PlusTicks(10), saved.Workaround!.RecordedAt);
        Assert.Equal(Start.PlusTicks(20), saved.Workaround.PublishedAt);
        Assert.Equal(Start.PlusTicks(-10), saved.ResolvedAt);
        AssertStoredCopy(problem, saved, 1);
        AssertStoredCopy(problem, found, 1);
    }

    /// <summary>Records from the same microsecond sort by identifier, whatever their sub-microsecond ticks were.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_SameMicrosecond_OrdersByIdentifier()
    {
        var store = CreateStore();
        var low = NextId();
        var high = NextId();
        await store.SaveAsync(ProblemRecord.Open(high, "High", ProblemOrigin.Person, Start), 0);
        await store.SaveAsync(ProblemRecord.Open(low, "Low", ProblemOrigin.Person, Start.PlusTicks(9)), 0);

        var page = await store.ListAsync(new ProblemQuery());

        Assert.Equal([low, high], page.Items.Select(p => p.Id));
    }

    /// <summary>Records opened before the last page's position appear on no later page; the rest appear once.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_InsertsBetweenPages_NoGapsOrRepeats()
    {
        var store = CreateStore();
        var problems = new List<ProblemRecord>();
        for (var i = 0; i < 10; i++)
        {
            problems.Add(await store.SaveAsync(NewProblem(Start.Plus(Duration.FromMinutes(2 * i))), 0));
        }

        var seen = new List<ProblemId>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.ListAsync(new ProblemQuery { PageSize = 4, ContinuationToken = token });
            seen.AddRange(page.Items.Select(p => p.Id));
            token = page.ContinuationToken;
            pages++;
            if (pages == 1)
            {
                // One record before the page's end, which the listing has passed, and one after it, which it has not.
                await store.SaveAsync(NewProblem(Start.Plus(Duration.FromMinutes(1))), 0);
                problems.Add(await store.SaveAsync(NewProblem(Start.Plus(Duration.FromMinutes(15))), 0));
            }
        }
        while (token is not null);

        Assert.Equal(problems.OrderBy(p => p.OpenedAt).Select(p => p.Id), seen);
    }

    /// <summary>The concern filter follows writes: a concern added later is found, and a failed write adds none.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_ConcernFilter_FollowsWrites()
    {
        var store = CreateStore();
        var first = _ids.NextConcernId();
        var later = _ids.NextConcernId();
        var rejected = _ids.NextConcernId();
        var saved = await store.SaveAsync(NewProblem().WithConcern(first), 0);
        var second = await store.SaveAsync(saved.WithConcern(later), 1);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(saved.WithConcern(rejected), 1));
        var byFirst = await store.ListAsync(new ProblemQuery { Concern = first });
        var byLater = await store.ListAsync(new ProblemQuery { Concern = later });
        var byRejected = await store.ListAsync(new ProblemQuery { Concern = rejected });

        Assert.Equal([second.Id], byFirst.Items.Select(p => p.Id));
        Assert.Equal([second.Id], byLater.Items.Select(p => p.Id));
        Assert.Empty(byRejected.Items);
        Assert.Equal([first, later], (await store.FindAsync(saved.Id))!.Concerns);
    }

    /// <summary>Filters combine: state and concern together, across pages.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_StateAndConcern_CombineAcrossPages()
    {
        var store = CreateStore();
        var concern = _ids.NextConcernId();
        var expected = new List<ProblemId>();
        for (var i = 0; i < 9; i++)
        {
            var problem = NewProblem(Start.Plus(Duration.FromMinutes(i)));
            problem = i % 2 == 0 ? problem.WithConcern(concern) : problem.WithConcern(_ids.NextConcernId());
            problem = i % 3 == 0 ? problem.WithWorkaround("Use the web form.", Start) : problem;
            await store.SaveAsync(problem, 0);
            if (i % 2 == 0 && i % 3 != 0)
            {
                expected.Add(problem.Id);
            }
        }

        var seen = new List<ProblemId>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(new ProblemQuery { State = ProblemState.Open, Concern = concern, PageSize = 1, ContinuationToken = token });
            seen.AddRange(page.Items.Select(p => p.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(expected, seen);
    }

    /// <summary>Records with every kind of content and in every state come back equal in every field.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_VariedRecords_RoundTripEveryField()
    {
        var store = CreateStore();
        var random = new Random(20260302);
        var states = new HashSet<ProblemState>();

        for (var i = 0; i < 40; i++)
        {
            var problem = RandomProblem(random);
            var saved = await store.SaveAsync(problem, 0);
            var found = await store.FindAsync(problem.Id);

            AssertStoredCopy(problem, saved, 1);
            AssertStoredCopy(problem, found, 1);
            states.Add(problem.State);
        }

        Assert.Equal(4, states.Count);
    }

    /// <summary>Asserts that <paramref name="actual"/> is <paramref name="original"/> as a store keeps it at <paramref name="version"/>.</summary>
    /// <param name="original">The record that was written.</param>
    /// <param name="actual">The record a store returned.</param>
    /// <param name="version">The expected stored version.</param>
    protected static void AssertStoredCopy(ProblemRecord original, ProblemRecord? actual, long version)
    {
        Guard.NotNull(original);
        Assert.NotNull(actual);
        Assert.Equal(original.Id, actual.Id);
        Assert.Equal(version, actual.Version);
        Assert.Equal(Printable(original.Title), Printable(actual.Title));
        Assert.Equal(original.Origin, actual.Origin);
        Assert.Equal(Precision.ToMicroseconds(original.OpenedAt), actual.OpenedAt);
        Assert.Equal(original.State, actual.State);
        Assert.Equal(original.Concerns, actual.Concerns);
        Assert.Equal(original.Reasons, actual.Reasons);
        Assert.Equal(original.RootCause is { } cause ? Printable(cause) : null, actual.RootCause is { } storedCause ? Printable(storedCause) : null);
        Assert.Equal(
            original.Workaround is { } workaround
                ? workaround with
                {
                    Text = Printable(workaround.Text),
                    RecordedAt = Precision.ToMicroseconds(workaround.RecordedAt),
                    PublishedAt = workaround.PublishedAt is { } published ? Precision.ToMicroseconds(published) : null,
                }
                : null,
            actual.Workaround is { } stored ? stored with { Text = Printable(stored.Text) } : null);
        Assert.Equal(original.Ideas, actual.Ideas);
        Assert.Equal(original.Changes, actual.Changes);
        Assert.Equal(original.ResolvedAt is { } resolved ? Precision.ToMicroseconds(resolved) : null, actual.ResolvedAt);
    }

    /// <summary>
    /// Returns <paramref name="text"/> with control characters escaped, so an assertion message stays readable: a test
    /// runner may drop a result whose message contains the NUL character.
    /// </summary>
    /// <param name="text">The text to compare.</param>
    /// <returns>The text with control characters written as <c>\uXXXX</c>.</returns>
    private static string Printable(string text) =>
        string.Concat(Guard.NotNull(text).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private ProblemRecord RandomProblem(Random random)
    {
        string[] texts =
        [
            "Password reset mails do not arrive",
            "Passwort-Mails kommen nicht an ✓ 😀",
            "Quotes \" and backslashes \\ and a tab\tinside",
            "A NUL \0 character and a line\nbreak",
            new string('y', 4000),
        ];
        string[] reasons = ["login", "login/password-reset", "billing/refund/late"];
        var at = Start.PlusTicks(random.NextInt64(-1_000_000_000, 1_000_000_000));
        Instant Later() => at.PlusTicks(random.NextInt64(0, 100_000_000_000));

        var problem = ProblemRecord.Open(NextId(), Pick(random, texts), (ProblemOrigin)random.Next(1, 3), at);
        for (var c = random.Next(5); c > 0; c--)
        {
            problem = problem.WithConcern(random.Next(4) == 0 && !problem.Concerns.IsEmpty ? problem.Concerns[0] : _ids.NextConcernId());
        }

        for (var r = random.Next(3); r > 0; r--)
        {
            problem = problem.WithReason(ContactReason.Parse(Pick(random, reasons)));
        }

        if (random.Next(2) == 0)
        {
            problem = problem.WithRootCause(Pick(random, texts));
        }

        if (random.Next(3) > 0)
        {
            problem = problem.WithWorkaround(Pick(random, texts), Later());
            if (random.Next(2) == 0)
            {
                problem = problem.PublishWorkaround("kb-" + random.Next(100), Later());
            }
        }

        for (var l = random.Next(3); l > 0; l--)
        {
            problem = random.Next(2) == 0
                ? problem.LinkIdea(new IdeaId(TestIdFactory.ValueFor(random.Next(1, 50))))
                : problem.LinkChange("CHG-" + random.Next(20));
        }

        if (random.Next(3) == 0 && (!problem.Ideas.IsEmpty || !problem.Changes.IsEmpty))
        {
            problem = problem.Resolve(Later());
            if (random.Next(2) == 0)
            {
                // A workaround recorded after the cause was removed keeps the record resolved.
                problem = problem.WithWorkaround(Pick(random, texts), Later());
            }
        }

        return random.Next(5) == 0 ? problem.Close() : problem;
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private ProblemId NextId() => new(TestIdFactory.ValueFor(Interlocked.Increment(ref _sequence)));

    private ProblemRecord NewProblem(Instant? at = null) =>
        ProblemRecord.Open(NextId(), "Password reset mails do not arrive", ProblemOrigin.Person, at ?? Start);
}
