using CustomerCare.Core;
using CustomerCare.Sop;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.Sop;

/// <summary>
/// The behaviour every <see cref="IConcernSnapshotStore"/> must show: optimistic versions, atomic saves, idempotency
/// keys, audit paging, outbox order and due timers. Derive a test class, implement <see cref="CreateStore"/>, and run it.
/// </summary>
/// <remarks>Each test creates its own store and uses fresh identifiers, so a database-backed store may share one database.</remarks>
public abstract class ConcernSnapshotStoreConformanceTests
{
    /// <summary>The first instant used by the tests.</summary>
    protected static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private long _nextId = Random.Shared.NextInt64(1, long.MaxValue / 2);

    /// <summary>Creates an empty store, or a store whose existing data does not share the tests' identifiers.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IConcernSnapshotStore CreateStore();

    /// <summary>An unknown concern has no snapshot.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Find_UnknownConcern_ReturnsNull()
    {
        var store = CreateStore();

        Assert.Null(await store.FindAsync(NewId()));
    }

    /// <summary>Every part of a snapshot comes back as saved.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_New_RoundTripsEveryPart()
    {
        var store = CreateStore();
        var id = NewId();
        var agent = new Actor("agt_0192f0c1a2b37c4d8e9f00112233aabb");
        var snapshot = new ConcernSnapshot(
            id, "incident", "itil-lifecycle", 2, "resolved", 4, 1, Start, Start + Duration.FromHours(1), Start + Duration.FromHours(2),
            new Dictionary<string, string> { ["resolution-code"] = "fixed", ["note"] = "Grüße, \"quoted\"\nsecond line" },
            [new StepRecord("diagnosis-recorded", StepStatus.Completed, agent, Start), new StepRecord("knowledge-checked", StepStatus.Overridden, agent, Start)],
            [new ApprovalRecord("pending-approval", ApprovalDecision.Declined, agent, Start, 1)],
            [new ArmedTimer("auto-close", "auto-close", "resolved", 4, Start + Duration.FromDays(3)), new ArmedTimer("a-survey", "send-survey", "resolved", 4, Start)]);

        await store.SaveAsync(new ConcernChange(snapshot, 0, Audit(snapshot, agent)));
        var stored = await store.FindAsync(id);

        Assert.NotNull(stored);
        Assert.Equal(snapshot.ConcernType, stored.ConcernType);
        Assert.Equal(snapshot.ProcedureId, stored.ProcedureId);
        Assert.Equal(snapshot.ProcedureVersion, stored.ProcedureVersion);
        Assert.Equal(snapshot.State, stored.State);
        Assert.Equal(snapshot.StateEntry, stored.StateEntry);
        Assert.Equal(1, stored.Version);
        Assert.Equal(snapshot.CreatedAt, stored.CreatedAt);
        Assert.Equal(snapshot.StateEnteredAt, stored.StateEnteredAt);
        Assert.Equal(snapshot.UpdatedAt, stored.UpdatedAt);
        Assert.Equal(snapshot.Fields.OrderBy(f => f.Key, StringComparer.Ordinal), stored.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.Equal(snapshot.Steps, stored.Steps);
        Assert.Equal(snapshot.Approvals, stored.Approvals);
        Assert.Equal(snapshot.Timers, stored.Timers);
    }

    /// <summary>Instants before 1970 and far in the future are kept to the microsecond, and finer parts are truncated towards the past.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_Instants_KeptToMicrosecond()
    {
        var store = CreateStore();
        var id = NewId();
        var agent = new Actor("agt_0192f0c1a2b37c4d8e9f00112233aabb");
        var past = Instant.FromUtc(1969, 7, 20, 20, 17, 40) + Duration.FromTicks(1_234_567);
        var future = Instant.FromUtc(2199, 12, 31, 23, 59, 59) + Duration.FromTicks(9_999_999);
        var exact = Start + Duration.FromTicks(10);
        var dueAt = Start + Duration.FromTicks(7);
        var snapshot = new ConcernSnapshot(
            id, "incident", "test-procedure", 1, "waiting", 1, 1, past, future, exact,
            steps: [new StepRecord("diagnosis-recorded", StepStatus.Completed, agent, future)],
            approvals: [new ApprovalRecord("pending-approval", ApprovalDecision.Approved, agent, past, 1)],
            timers: [new ArmedTimer("reminder", "remind", "waiting", 1, dueAt)]);
        var audit = new AuditEntry(id, 1, AuditKind.Started, future, agent, "test-procedure", 1, "waiting", "waiting");

        await store.SaveAsync(new ConcernChange(snapshot, 0, audit, [Intent(id, 1, 0, past)]));
        var stored = await store.FindAsync(id);
        var entry = Assert.Single(await store.ListAuditAsync(id, 0, 10));
        var intent = Assert.Single(await store.ListPendingIntentsAsync(1000), i => i.ConcernId == id);
        var due = Assert.Single(await store.ListDueTimersAsync(Start, 1000), d => d.ConcernId == id);

        Assert.NotNull(stored);
        Assert.Equal(Precision.ToMicroseconds(past), stored.CreatedAt);
        Assert.Equal(Instant.FromUtc(1969, 7, 20, 20, 17, 40) + Duration.FromTicks(1_234_560), stored.CreatedAt);
        Assert.Equal(Precision.ToMicroseconds(future), stored.StateEnteredAt);
        Assert.Equal(exact, stored.UpdatedAt);
        Assert.Equal(Precision.ToMicroseconds(future), Assert.Single(stored.Steps).At);
        Assert.Equal(Precision.ToMicroseconds(past), Assert.Single(stored.Approvals).At);
        Assert.Equal(Start, Assert.Single(stored.Timers).DueAt);
        Assert.Equal(Precision.ToMicroseconds(future), entry.At);
        Assert.Equal(Precision.ToMicroseconds(past), intent.CreatedAt);
        Assert.Equal(Start, due.Timer.DueAt);
    }

    /// <summary>Free text keeps every character: control characters, NUL, quotes, backslashes and characters outside the BMP.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_FreeText_RoundTripsEveryCharacter()
    {
        var store = CreateStore();
        var id = NewId();
        const string Text = "nul \0 bell \a tab \t quote \" backslash \\ emoji 😀 日本 Zoë";
        var fields = new Dictionary<string, string> { ["note"] = Text, ["empty"] = string.Empty, ["ключ"] = "значение" };
        var snapshot = new ConcernSnapshot(id, "incident", "test-procedure", 1, "new", 1, 1, Start, Start, Start, fields);
        var audit = new AuditEntry(id, 1, AuditKind.Started, Start, Actor.System, "test-procedure", 1, "new", "new",
            reason: Text, arguments: fields, idempotencyKey: "schlüssel-😀");

        await store.SaveAsync(new ConcernChange(snapshot, 0, audit));
        var stored = await store.FindAsync(id);
        var entry = await store.FindByIdempotencyKeyAsync(id, "schlüssel-😀");

        Assert.NotNull(stored);
        Assert.Equal(fields.OrderBy(f => f.Key, StringComparer.Ordinal), stored.Fields.OrderBy(f => f.Key, StringComparer.Ordinal));
        Assert.NotNull(entry);
        Assert.Equal(Text, entry.Reason);
        Assert.Equal(fields.OrderBy(f => f.Key, StringComparer.Ordinal), entry.Arguments.OrderBy(f => f.Key, StringComparer.Ordinal));
    }

    /// <summary>A new concern (expected version 0) that exists already is a conflict naming the stored version.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_NewWhenExists_ThrowsConflict()
    {
        var store = CreateStore();
        var first = Snapshot(NewId(), 1);
        await store.SaveAsync(new ConcernChange(first, 0, Audit(first)));

        var exception = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(new ConcernChange(first, 0, Audit(first))));

        Assert.Equal(0, exception.ExpectedVersion);
        Assert.Equal(1, exception.ActualVersion);
        Assert.Equal(first.Id.ToString(), exception.EntityId);
    }

    /// <summary>A write based on an old version is a conflict naming the expected and the stored version.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_StaleVersion_ThrowsConflictWithBothVersions()
    {
        var store = CreateStore();
        var id = NewId();
        await SaveVersionsAsync(store, id, 3);

        var stale = Snapshot(id, 3);
        var exception = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(new ConcernChange(stale, 2, Audit(stale))));

        Assert.Equal(2, exception.ExpectedVersion);
        Assert.Equal(3, exception.ActualVersion);
        Assert.Equal(3, (await store.FindAsync(id))!.Version);
    }

    /// <summary>A write that expects a version of a concern that does not exist is a conflict with no stored version.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_ExpectedVersionOfMissingConcern_ThrowsConflict()
    {
        var store = CreateStore();
        var snapshot = Snapshot(NewId(), 5);

        var exception = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(new ConcernChange(snapshot, 4, Audit(snapshot))));

        Assert.Equal(4, exception.ExpectedVersion);
        Assert.Null(exception.ActualVersion);
        Assert.Null(await store.FindAsync(snapshot.Id));
    }

    /// <summary>A failed save leaves neither its audit entry nor its intents behind.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_Conflict_StoresNoPart()
    {
        var store = CreateStore();
        var id = NewId();
        await SaveVersionsAsync(store, id, 2);
        var losing = Snapshot(id, 2, "lost-state");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            store.SaveAsync(new ConcernChange(losing, 1, Audit(losing, key: "lost-key"), [Intent(id, 2, 0)])));

        Assert.Equal("state-2", (await store.FindAsync(id))!.State);
        Assert.Equal([1L, 2L], (await store.ListAuditAsync(id, 0, 100)).Select(a => a.Version));
        Assert.Null(await store.FindByIdempotencyKeyAsync(id, "lost-key"));
        Assert.DoesNotContain(await store.ListPendingIntentsAsync(1000), i => i.ConcernId == id && i.Version == 2);
    }

    /// <summary>A cancelled save throws and stores nothing.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_Cancelled_StoresNothing()
    {
        var store = CreateStore();
        var snapshot = Snapshot(NewId(), 1);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.SaveAsync(new ConcernChange(snapshot, 0, Audit(snapshot)), cancelled.Token));

        Assert.Null(await store.FindAsync(snapshot.Id));
    }

    /// <summary>Audit entries come back in version order without gaps, page by page.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAudit_PagesInVersionOrder()
    {
        var store = CreateStore();
        var id = NewId();
        await SaveVersionsAsync(store, id, 7);

        var first = await store.ListAuditAsync(id, 0, 3);
        var second = await store.ListAuditAsync(id, first[^1].Version, 3);
        var third = await store.ListAuditAsync(id, second[^1].Version, 3);
        var after = await store.ListAuditAsync(id, 7, 3);

        Assert.Equal([1L, 2L, 3L], first.Select(a => a.Version));
        Assert.Equal([4L, 5L, 6L], second.Select(a => a.Version));
        Assert.Equal([7L], third.Select(a => a.Version));
        Assert.Empty(after);
        Assert.All(first.Concat(second).Concat(third), a => Assert.Equal(id, a.ConcernId));
    }

    /// <summary>An unknown concern has no audit entries, and another concern's entries never appear.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAudit_OtherConcern_Isolated()
    {
        var store = CreateStore();
        var id = NewId();
        await SaveVersionsAsync(store, id, 2);

        Assert.Empty(await store.ListAuditAsync(NewId(), 0, 10));
        Assert.Equal(2, (await store.ListAuditAsync(id, 0, 10)).Count);
    }

    /// <summary>Every audit entry field survives the store.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAudit_RoundTripsEveryField()
    {
        var store = CreateStore();
        var id = NewId();
        var snapshot = Snapshot(id, 1);
        var entry = new AuditEntry(id, 1, AuditKind.Transitioned, Start, new Actor("cus_0192f0c1a2b37c4d8e9f00112233aabb"), "itil-lifecycle", 3,
            "in-progress", "resolved", "resolve", "Fixed by restart", new Dictionary<string, string> { ["resolution-code"] = "fixed" },
            ["knowledge-checked"], "key-1", "auto-close");

        await store.SaveAsync(new ConcernChange(snapshot, 0, entry));
        var stored = Assert.Single(await store.ListAuditAsync(id, 0, 10));

        Assert.Equal(entry.Kind, stored.Kind);
        Assert.Equal(entry.At, stored.At);
        Assert.Equal(entry.Actor, stored.Actor);
        Assert.Equal(entry.ProcedureId, stored.ProcedureId);
        Assert.Equal(entry.ProcedureVersion, stored.ProcedureVersion);
        Assert.Equal(entry.FromState, stored.FromState);
        Assert.Equal(entry.ToState, stored.ToState);
        Assert.Equal(entry.Trigger, stored.Trigger);
        Assert.Equal(entry.Reason, stored.Reason);
        Assert.Equal(entry.Arguments, stored.Arguments);
        Assert.Equal(entry.OverriddenSteps, stored.OverriddenSteps);
        Assert.Equal(entry.IdempotencyKey, stored.IdempotencyKey);
        Assert.Equal(entry.Detail, stored.Detail);
    }

    /// <summary>Paging arguments outside their range are rejected.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListAudit_BadArguments_Throw()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAuditAsync(NewId(), -1, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAuditAsync(NewId(), 0, 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAuditAsync(NewId(), 0, 1001));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAuditAsync(default, 0, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListPendingIntentsAsync(0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListDueTimersAsync(Start, 0));
        await Assert.ThrowsAsync<ArgumentException>(() => store.FindAsync(default));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.SaveAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.MarkIntentsDispatchedAsync(null!));
    }

    /// <summary>An idempotency key finds the entry it was saved with, per concern.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task FindByIdempotencyKey_FindsEntryOfThatConcern()
    {
        var store = CreateStore();
        var id = NewId();
        var first = Snapshot(id, 1);
        var second = Snapshot(id, 2);
        await store.SaveAsync(new ConcernChange(first, 0, Audit(first, key: "request-1")));
        await store.SaveAsync(new ConcernChange(second, 1, Audit(second, key: "request-2")));

        Assert.Equal(2, (await store.FindByIdempotencyKeyAsync(id, "request-2"))!.Version);
        Assert.Equal(1, (await store.FindByIdempotencyKeyAsync(id, "request-1"))!.Version);
        Assert.Null(await store.FindByIdempotencyKeyAsync(id, "request-3"));
        Assert.Null(await store.FindByIdempotencyKeyAsync(NewId(), "request-1"));
        await Assert.ThrowsAsync<ArgumentException>(() => store.FindByIdempotencyKeyAsync(id, " "));
    }

    /// <summary>A repeated idempotency key on a concern is rejected like a unique index would, and stores nothing.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_RepeatedIdempotencyKey_ThrowsConflict()
    {
        var store = CreateStore();
        var id = NewId();
        var first = Snapshot(id, 1);
        var second = Snapshot(id, 2);
        await store.SaveAsync(new ConcernChange(first, 0, Audit(first, key: "same")));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(new ConcernChange(second, 1, Audit(second, key: "same"))));

        Assert.Equal(1, (await store.FindAsync(id))!.Version);
        var other = Snapshot(NewId(), 1);
        await store.SaveAsync(new ConcernChange(other, 0, Audit(other, key: "same")));
    }

    /// <summary>Pending intents come in execution order, and marking them dispatched removes them, repeatably.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task PendingIntents_OrderedAndMarkedOnce()
    {
        var store = CreateStore();
        var a = NewId();
        var b = NewId();
        var a1 = Snapshot(a, 1);
        var b1 = Snapshot(b, 1);
        var a2 = Snapshot(a, 2);
        await store.SaveAsync(new ConcernChange(a1, 0, Audit(a1), [Intent(a, 1, 0, Start), Intent(a, 1, 1, Start)]));
        await store.SaveAsync(new ConcernChange(b1, 0, Audit(b1), [Intent(b, 1, 0, Start + Duration.FromSeconds(1))]));
        await store.SaveAsync(new ConcernChange(a2, 1, Audit(a2), [Intent(a, 2, 0, Start + Duration.FromSeconds(2))]));

        var pending = (await store.ListPendingIntentsAsync(1000)).Where(i => i.ConcernId == a || i.ConcernId == b).ToArray();
        Assert.Equal([(a, 1L, 0), (a, 1L, 1), (b, 1L, 0), (a, 2L, 0)], pending.Select(i => (i.ConcernId, i.Version, i.Index)));

        await store.MarkIntentsDispatchedAsync(pending.Take(2));
        await store.MarkIntentsDispatchedAsync(pending.Take(2));
        await store.MarkIntentsDispatchedAsync([Intent(NewId(), 9, 0)]);

        var rest = (await store.ListPendingIntentsAsync(1000)).Where(i => i.ConcernId == a || i.ConcernId == b).ToArray();
        Assert.Equal([(b, 1L, 0), (a, 2L, 0)], rest.Select(i => (i.ConcernId, i.Version, i.Index)));
        Assert.Equal(pending[2], rest[0]);
    }

    /// <summary>The limit caps the pending intents returned.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task PendingIntents_RespectsLimit()
    {
        var store = CreateStore();
        var id = NewId();
        var snapshot = Snapshot(id, 1);
        await store.SaveAsync(new ConcernChange(snapshot, 0, Audit(snapshot), Enumerable.Range(0, 5).Select(i => Intent(id, 1, i)).ToArray()));

        Assert.Equal(2, (await store.ListPendingIntentsAsync(2)).Count);
    }

    /// <summary>Due timers are those at or before now, earliest first, from the current snapshots only.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task DueTimers_OrderedFilteredAndCurrent()
    {
        var store = CreateStore();
        var early = NewId();
        var late = NewId();
        var future = NewId();
        var replaced = NewId();
        await SaveWithTimerAsync(store, late, Start + Duration.FromHours(2));
        await SaveWithTimerAsync(store, early, Start + Duration.FromHours(1));
        await SaveWithTimerAsync(store, future, Start + Duration.FromDays(9));
        await SaveWithTimerAsync(store, replaced, Start);
        var moved = Snapshot(replaced, 2);
        await store.SaveAsync(new ConcernChange(moved, 1, Audit(moved)));

        var due = (await store.ListDueTimersAsync(Start + Duration.FromHours(2), 1000)).Where(d => d.ConcernId == early || d.ConcernId == late || d.ConcernId == future || d.ConcernId == replaced).ToArray();
        var limited = await store.ListDueTimersAsync(Start + Duration.FromHours(2), 1);

        Assert.Equal([early, late], due.Select(d => d.ConcernId));
        Assert.Equal(Start + Duration.FromHours(1), due[0].Timer.DueAt);
        Assert.Single(limited);
    }

    /// <summary>
    /// Timers due at the same instant come by concern, in the order of the identifiers, then by name in ordinal order.
    /// Intents recorded at the same instant come by concern, version and index.
    /// </summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Lists_EqualInstants_OrderedByKey()
    {
        var store = CreateStore();
        byte[] leading = [0x00, 0x7f, 0x80, 0xff];
        var ids = Enumerable.Range(0, 8).Select(i => IdStartingWith(leading[i % 4], i < 4 ? (byte)0x00 : (byte)0x80)).ToArray();
        string[] names = ["b", "a", "_", "B"];
        foreach (var id in ids.Reverse())
        {
            var timers = names.Select(n => new ArmedTimer(n, "remind", "waiting", 1, Start)).ToArray();
            var snapshot = Snapshot(id, 1, "waiting", timers);
            await store.SaveAsync(new ConcernChange(snapshot, 0, Audit(snapshot), [Intent(id, 1, 0), Intent(id, 1, 1)]));
        }

        var due = (await store.ListDueTimersAsync(Start, 1000)).Where(d => ids.Contains(d.ConcernId)).ToArray();
        var pending = (await store.ListPendingIntentsAsync(1000)).Where(i => ids.Contains(i.ConcernId)).ToArray();

        var sorted = ids.Order().ToArray();
        string[] ordinal = ["B", "_", "a", "b"];
        Assert.Equal(sorted.SelectMany(id => ordinal.Select(n => (id, n))), due.Select(d => (d.ConcernId, d.Timer.Name)));
        Assert.Equal(sorted.SelectMany(id => Enumerable.Range(0, 2).Select(index => (id, index))), pending.Select(i => (i.ConcernId, i.Index)));
    }

    /// <summary>
    /// Parallel writers that repeat one request and retry on conflicts without looking up the key first: the unique
    /// key lets exactly one of them write.
    /// </summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_ParallelSameIdempotencyKey_WrittenOnce()
    {
        var store = CreateStore();
        var id = NewId();
        await SaveVersionsAsync(store, id, 1);
        const int Writers = 8;
        const string Key = "request-1";

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var attempt = 1; attempt <= 10; attempt++)
            {
                var current = (await store.FindAsync(id))!;
                var next = Snapshot(id, current.Version + 1, $"writer-{writer}");
                try
                {
                    await store.SaveAsync(new ConcernChange(next, current.Version, Audit(next, key: Key)));
                    return true;
                }
                catch (ConcurrencyConflictException)
                {
                    // After the key is saved, a conflict means the request was repeated. Before that, another write came first.
                    if (await store.FindByIdempotencyKeyAsync(id, Key) is not null)
                    {
                        return false;
                    }
                }
            }

            throw new InvalidOperationException($"Writer {writer} neither wrote nor found the key in 10 attempts.");
        })));

        var stored = await store.FindAsync(id);
        var audit = await store.ListAuditAsync(id, 0, 1000);
        var found = await store.FindByIdempotencyKeyAsync(id, Key);
        Assert.Equal(1, outcomes.Count(o => o));
        Assert.Equal(2, stored!.Version);
        Assert.Equal([1L, 2L], audit.Select(a => a.Version));
        Assert.Equal(2, found!.Version);
        Assert.Equal(stored.State, found.ToState);
    }

    /// <summary>Parallel writers of the same version: exactly one wins each version, and every audit entry is kept.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Save_ParallelWriters_ExactlyOneWinsPerVersion()
    {
        var store = CreateStore();
        var id = NewId();
        await SaveVersionsAsync(store, id, 1);
        const int Writers = 8;
        const int Rounds = 10;
        var wins = 0;

        for (var round = 0; round < Rounds; round++)
        {
            var expected = round + 1;
            var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
            {
                var next = Snapshot(id, expected + 1, $"writer-{writer}");
                try
                {
                    await store.SaveAsync(new ConcernChange(next, expected, Audit(next)));
                    return true;
                }
                catch (ConcurrencyConflictException)
                {
                    return false;
                }
            })));

            Assert.Equal(1, outcomes.Count(o => o));
            wins += outcomes.Count(o => o);
        }

        var audit = await store.ListAuditAsync(id, 0, 1000);
        Assert.Equal(Rounds + 1, (await store.FindAsync(id))!.Version);
        Assert.Equal(Enumerable.Range(1, Rounds + 1).Select(v => (long)v), audit.Select(a => a.Version));
        Assert.Equal(Rounds, wins);
    }

    /// <summary>Returns a fresh concern identifier.</summary>
    /// <returns>An identifier that no other test uses.</returns>
    protected ConcernId NewId() => new(TestIdFactory.ValueFor(Interlocked.Increment(ref _nextId)));

    private static ConcernId IdStartingWith(byte first, byte fifth)
    {
        // Random apart from the bytes that decide the order, so the identifiers stay fresh in a shared database.
        var bytes = new byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[0] = first;
        bytes[4] = fifth;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0f));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3f));
        return new ConcernId(new Guid(bytes, bigEndian: true));
    }

    private static ConcernSnapshot Snapshot(ConcernId id, long version, string? state = null, IReadOnlyList<ArmedTimer>? timers = null) =>
        new(id, "incident", "test-procedure", 1, state ?? $"state-{version}", version, version, Start, Start, Start + Duration.FromMinutes(version), timers: timers);

    private static AuditEntry Audit(ConcernSnapshot snapshot, Actor? actor = null, string? key = null) =>
        new(snapshot.Id, snapshot.Version, snapshot.Version == 1 ? AuditKind.Started : AuditKind.Transitioned, snapshot.UpdatedAt, actor ?? Actor.System,
            snapshot.ProcedureId, snapshot.ProcedureVersion, "state-0", snapshot.State, idempotencyKey: key);

    private static OutboxIntent Intent(ConcernId id, long version, int index, Instant? at = null) =>
        new(id, version, index, "notify", "customer", "state", IntentPhase.Entry, at ?? Start);

    private static async Task SaveVersionsAsync(IConcernSnapshotStore store, ConcernId id, int count)
    {
        for (var version = 1; version <= count; version++)
        {
            var snapshot = Snapshot(id, version);
            await store.SaveAsync(new ConcernChange(snapshot, version - 1, Audit(snapshot)));
        }
    }

    private static async Task SaveWithTimerAsync(IConcernSnapshotStore store, ConcernId id, Instant dueAt)
    {
        var snapshot = Snapshot(id, 1, "waiting", [new ArmedTimer("reminder", "remind", "waiting", 1, dueAt)]);
        await store.SaveAsync(new ConcernChange(snapshot, 0, Audit(snapshot)));
    }
}
