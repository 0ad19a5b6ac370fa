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

    /// <summary>
    /// Instants come back in whole microseconds, truncated towards the past, as PostgreSQL's <c>timestamptz</c> keeps
    /// them; the returned idea equals the stored one.
    /// </summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_SubMicrosecondInstants_TruncatesToMicroseconds()
    {
        var store = CreateStore();
        var lifecycle = new IdeaLifecycle();
        var beforeEpoch = Instant.FromUtc(1969, 12, 31, 23, 59, 59).PlusTicks(5);
        var idea = NewIdea(Start.PlusTicks(1_234_567));
        idea = lifecycle.Fire(idea, IdeaTrigger.StartScreening, Start.PlusTicks(19)).Idea;
        var early = NewIdea(beforeEpoch);

        var saved = await store.SaveAsync(idea, 0);
        var savedEarly = await store.SaveAsync(early, 0);
        var found = await store.FindAsync(idea.Id);
        var foundEarly = await store.FindAsync(early.Id);

        Assert.Equal(Start.PlusTicks(1_234_560), saved.SubmittedAt);
        Assert.Equal(Start.PlusTicks(10), saved.Feedback[0].At);
        Assert.Equal(saved.SubmittedAt, found!.SubmittedAt);
        Assert.Equal(saved.Feedback, found.Feedback);
        Assert.Equal(beforeEpoch.PlusTicks(-5), savedEarly.SubmittedAt);
        Assert.Equal(savedEarly.SubmittedAt, foundEarly!.SubmittedAt);
    }

    /// <summary>Ideas from the same microsecond sort by identifier, whatever their sub-microsecond ticks were.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_SameMicrosecond_OrdersByIdentifier()
    {
        var store = CreateStore();
        var low = NextId();
        var high = NextId();
        await store.SaveAsync(Submit(high, Start), 0);
        await store.SaveAsync(Submit(low, Start.PlusTicks(9)), 0);

        var page = await store.ListAsync(new IdeaQuery());

        Assert.Equal([low, high], page.Items.Select(i => i.Id));
    }

    /// <summary>
    /// Equal instants sort by the identifier's <see cref="Guid.CompareTo(Guid)"/> order, which is the order of the UUID's
    /// bytes as RFC 9562 writes them, not of its in-memory layout or of signed integers.
    /// </summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_EqualInstants_OrdersByUuidBytes()
    {
        var store = CreateStore();
        string[] values =
        [
            "80000000-0000-7000-8000-000000000000",
            "7fffffff-0000-7000-8000-000000000000",
            "00000100-0000-7000-8000-000000000000",
            "00000001-0000-7000-8000-000000000000",
            "00000000-0100-7000-8000-000000000000",
            "00000000-0001-7000-8000-000000000000",
            "00000000-0000-7100-8000-000000000000",
            "00000000-0000-7001-8000-000000000000",
            "00000000-0000-7000-8100-000000000000",
            "00000000-0000-7000-8001-000000000000",
            "00000000-0000-7000-8000-ff0000000000",
            "00000000-0000-7000-8000-0000000000ff",
        ];
        var ids = values.Select(v => new IdeaId(Guid.Parse(v))).ToList();
        foreach (var id in ids)
        {
            await store.SaveAsync(Submit(id, Start), 0);
        }

        var seen = new List<IdeaId>();
        string? token = null;
        do
        {
            var page = await store.ListAsync(new IdeaQuery { PageSize = 5, ContinuationToken = token });
            seen.AddRange(page.Items.Select(i => i.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(values.Order(StringComparer.Ordinal), seen.Select(i => i.Value.ToString()));
        Assert.Equal(ids.Order(), seen);
    }

    /// <summary>Filtered pages skip ideas that do not match, also when a matching idea stops matching between pages.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_FilteredPages_StayConsistent()
    {
        var store = CreateStore();
        var lifecycle = new IdeaLifecycle();
        var screening = new List<ImprovementIdea>();
        for (var i = 0; i < 12; i++)
        {
            var saved = await store.SaveAsync(NewIdea(Start.Plus(Duration.FromSeconds(i))), 0);
            if (i % 3 != 0)
            {
                screening.Add(await store.SaveAsync(lifecycle.Fire(saved, IdeaTrigger.StartScreening, Start).Idea, 1));
            }
        }

        var first = await store.ListAsync(new IdeaQuery { State = IdeaState.Screening, PageSize = 3 });
        var moved = lifecycle.Fire(screening[5], IdeaTrigger.Evaluate, Start).Idea;
        await store.SaveAsync(moved, screening[5].Version);
        var rest = new List<IdeaId>();
        var token = first.ContinuationToken;
        while (token is not null)
        {
            var page = await store.ListAsync(new IdeaQuery { State = IdeaState.Screening, PageSize = 3, ContinuationToken = token });
            rest.AddRange(page.Items.Select(i => i.Id));
            token = page.ContinuationToken;
        }

        Assert.Equal(screening.Take(3).Select(i => i.Id), first.Items.Select(i => i.Id));
        Assert.Equal(screening.Skip(3).Where(i => i.Id != moved.Id).Select(i => i.Id), rest);
    }

    /// <summary>Target reasons match by taxonomy path, not by text prefix: <c>billing</c> does not contain <c>billings</c>.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAsync_TargetReason_MatchesWholeSegments()
    {
        var store = CreateStore();
        var inside = new List<IdeaId>();
        foreach (var code in new[] { "billing", "billing/refund", "billing/refund/late", "billings", "billing-extra", "billing0", "bill", "delivery" })
        {
            var saved = await store.SaveAsync(NewIdea().WithTarget(ContactReason.Parse(code), ImprovementMetric.ContactVolume), 0);
            if (code == "billing" || code.StartsWith("billing/", StringComparison.Ordinal))
            {
                inside.Add(saved.Id);
            }
        }

        var billing = await store.ListAsync(new IdeaQuery { TargetReason = ContactReason.Parse("billing") });
        var refund = await store.ListAsync(new IdeaQuery { TargetReason = ContactReason.Parse("billing/refund") });

        Assert.Equal(inside, billing.Items.Select(i => i.Id));
        Assert.Equal(inside.Skip(1), refund.Items.Select(i => i.Id));
    }

    /// <summary>
    /// Ideas with every kind of content come back equal in every field: evidence with quotes, control characters and
    /// non-ASCII text, every lifecycle path, and effects with missing, infinite and not-a-number values.
    /// </summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveAsync_VariedIdeas_RoundTripEveryField()
    {
        var store = CreateStore();
        var random = new Random(20260302);

        var states = new HashSet<IdeaState>();
        for (var i = 0; i < 40; i++)
        {
            var idea = RandomIdea(random);
            var saved = await store.SaveAsync(idea, 0);
            var found = await store.FindAsync(idea.Id);

            AssertStoredCopy(idea, saved, 1);
            AssertStoredCopy(idea, found, 1);
            states.Add(idea.State);
        }

        Assert.True(states.Count >= 6, $"The generated ideas reach only the states {string.Join(", ", states)}.");
    }

    /// <summary>Concurrent submissions with different keys all succeed; no write blocks another out.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SubmitAsync_ConcurrentDistinctKeys_StoresEach()
    {
        var store = CreateStore();
        var ideas = Enumerable.Range(0, 16).Select(_ => NewIdea()).ToList();

        var results = await Task.WhenAll(ideas.Select(async (idea, index) =>
        {
            await Task.Yield();
            return await store.SubmitAsync(idea, $"key-{index}");
        }));

        Assert.Equal(ideas.Select(i => i.Id), results.Select(r => r.Id));
        Assert.All(results, r => Assert.Equal(1, r.Version));
        Assert.Equal(16, (await store.ListAsync(new IdeaQuery())).Items.Count);
    }

    /// <summary>Of many concurrent submissions with one key, one idea is stored, and every caller receives it.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SubmitAsync_ManyConcurrentSameKey_ReturnOneIdea()
    {
        var store = CreateStore();
        var ideas = Enumerable.Range(0, 24).Select(i => NewIdea().WithEvidence(IdeaEvidence.ForMetric($"attempt {i}"))).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = ideas.Select(idea => Task.Run(async () =>
        {
            await start.Task;
            return await store.SubmitAsync(idea, "signal:reopen:billing:2026-03-02");
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        var winner = Assert.Single(results.Select(r => r.Id).Distinct());
        var stored = await store.FindAsync(winner);
        Assert.All(results, r => Assert.Equal(stored!.Evidence, r.Evidence));
        Assert.All(results, r => Assert.Equal(1, r.Version));
        Assert.Single((await store.ListAsync(new IdeaQuery())).Items);
    }

    /// <summary>A key that a store cannot keep exactly is rejected before anything is stored.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SubmitAsync_KeyWithNulCharacter_Throws()
    {
        var store = CreateStore();

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => store.SubmitAsync(NewIdea(), "key\0suffix"));

        Assert.Equal("idempotencyKey", exception.ParamName);
        Assert.Empty((await store.ListAsync(new IdeaQuery())).Items);
    }

    /// <summary>Asserts that <paramref name="actual"/> is <paramref name="original"/> as a store keeps it at <paramref name="version"/>.</summary>
    /// <param name="original">The idea that was written.</param>
    /// <param name="actual">The idea a store returned.</param>
    /// <param name="version">The expected stored version.</param>
    protected static void AssertStoredCopy(ImprovementIdea original, ImprovementIdea? actual, long version)
    {
        Guard.NotNull(original);
        Assert.NotNull(actual);
        Assert.Equal(original.Id, actual.Id);
        Assert.Equal(version, actual.Version);
        Assert.Equal(Printable(original.Title), Printable(actual.Title));
        Assert.Equal(Printable(original.Description), Printable(actual.Description));
        Assert.Equal(Printable(original.Submitter), Printable(actual.Submitter));
        Assert.Equal(Precision.ToMicroseconds(original.SubmittedAt), actual.SubmittedAt);
        Assert.Equal(original.State, actual.State);
        Assert.Equal(original.Evidence.Select(e => (e.Kind, Printable(e.Reference))), actual.Evidence.Select(e => (e.Kind, Printable(e.Reference))));
        Assert.Equal(
            original.Feedback.Select(f => (Precision.ToMicroseconds(f.At), f.From, f.To, f.Trigger, Printable(f.Message))),
            actual.Feedback.Select(f => (f.At, f.From, f.To, f.Trigger, Printable(f.Message))));
        Assert.Equal(original.TargetReason, actual.TargetReason);
        Assert.Equal(original.TargetMetric, actual.TargetMetric);
        Assert.Equal(original.ImplementedAt is { } implemented ? Precision.ToMicroseconds(implemented) : null, actual.ImplementedAt);
        Assert.Equal(
            original.Effect is { } effect
                ? effect with { Before = ToMicroseconds(effect.Before), After = ToMicroseconds(effect.After), Method = Printable(effect.Method) }
                : null,
            actual.Effect is { } stored ? stored with { Method = Printable(stored.Method) } : null);
    }

    /// <summary>
    /// Returns <paramref name="text"/> with control characters escaped, so an assertion message stays readable: a test
    /// runner may drop a result whose message contains the NUL character.
    /// </summary>
    /// <param name="text">The text to compare.</param>
    /// <returns>The text with control characters written as <c>\uXXXX</c>.</returns>
    private static string Printable(string text) =>
        string.Concat(Guard.NotNull(text).Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    private static Interval ToMicroseconds(Interval interval) => new(
        interval.HasStart ? Precision.ToMicroseconds(interval.Start) : null,
        interval.HasEnd ? Precision.ToMicroseconds(interval.End) : null);

    private ImprovementIdea RandomIdea(Random random)
    {
        string[] texts =
        [
            "Explain refunds on the invoice",
            "Zurückerstattung erklären: Kunden fragen nach ✓ 😀",
            "Quotes \" and backslashes \\ and a tab\tinside",
            "A NUL \0 character and a line\nbreak",
            "<b>markup</b> & entities &amp; stay text",
            new string('x', 5000),
        ];
        double?[] values = [null, 0.0, -0.0, 0.1, -12345.678901234567, 1e-300, double.Epsilon, double.MaxValue, double.NaN, double.PositiveInfinity, double.NegativeInfinity];
        var at = Start.PlusTicks(random.NextInt64(-1_000_000_000, 1_000_000_000));

        var idea = ImprovementIdea.Submit(NextId(), Pick(random, texts), Pick(random, texts), "agt_" + random.Next(1000), at);
        for (var e = random.Next(4); e > 0; e--)
        {
            idea = idea.WithEvidence(new IdeaEvidence((IdeaEvidenceKind)random.Next(1, 7), Pick(random, texts) + e));
        }

        if (random.Next(2) == 0)
        {
            idea = idea.WithTarget(ContactReason.Parse(Pick(random, ["billing", "billing/refund", "delivery/late/parcel"])), (ImprovementMetric)random.Next(1, 8));
        }

        if (random.Next(2) == 0)
        {
            Instant? Edge() => random.Next(4) == 0 ? null : at.PlusTicks(random.NextInt64(0, 10_000_000));
            var (b1, b2, a1, a2) = (Edge(), Edge(), Edge(), Edge());
            idea = idea.WithEffect(new EffectMeasurement(
                (ImprovementMetric)random.Next(1, 8),
                new Interval(b1 < b2 ? b1 : b2, b1 < b2 ? b2 : b1),
                new Interval(a1 < a2 ? a1 : a2, a1 < a2 ? a2 : a1),
                Pick(random, values),
                Pick(random, values),
                random.NextInt64(),
                random.Next(),
                Pick(random, values),
                Pick(random, values),
                Pick(random, values),
                Pick(random, texts)));
        }

        // A random walk through the lifecycle. A step whose guard fails (no note, no evidence, no effect) leaves the
        // idea where it is, as it would in a host.
        var lifecycle = new IdeaLifecycle();
        for (var step = random.Next(16); step > 0; step--)
        {
            var candidates = Candidates(idea.State);
            if (candidates.Length == 0)
            {
                break;
            }

            at = at.PlusTicks(random.NextInt64(1, 100_000_000_000));
            var note = random.Next(3) == 0 ? null : Pick(random, texts);
            idea = lifecycle.Fire(idea, Pick(random, candidates), at, note).Idea;
        }

        return idea;
    }

    private static IdeaTrigger[] Candidates(IdeaState state) => state switch
    {
        IdeaState.Submitted => [IdeaTrigger.StartScreening],
        IdeaState.Screening => [IdeaTrigger.Evaluate, IdeaTrigger.Reject],
        IdeaState.Evaluation => [IdeaTrigger.Approve, IdeaTrigger.Reject, IdeaTrigger.Park],
        IdeaState.Parked => [IdeaTrigger.Evaluate, IdeaTrigger.Close],
        IdeaState.Rejected => [IdeaTrigger.Close],
        IdeaState.Approved => [IdeaTrigger.StartImplementation],
        IdeaState.InImplementation => [IdeaTrigger.CompleteImplementation],
        IdeaState.Implemented => [IdeaTrigger.RecordEffect],
        IdeaState.Measured => [IdeaTrigger.Close],
        _ => [],
    };

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    private static ImprovementIdea Submit(IdeaId id, Instant at) =>
        ImprovementIdea.Submit(id, "Explain refunds on the invoice", "Customers ask where the refund appears.", "agt_test", at);

    private IdeaId NextId() => new(TestIdFactory.ValueFor(Interlocked.Increment(ref _sequence)));

    private ImprovementIdea NewIdea(Instant? at = null) =>
        ImprovementIdea.Submit(NextId(), "Explain refunds on the invoice", "Customers ask where the refund appears.", "agt_test", at ?? Start);
}
