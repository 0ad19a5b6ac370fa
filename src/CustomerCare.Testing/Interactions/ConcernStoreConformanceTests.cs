using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.ContactPoints;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.Interactions;

/// <summary>
/// The tests every <see cref="IConcernStore"/> must pass: numbering, idempotent creation, also concurrent,
/// optimistic updates, the look-up for cross-channel threading, every property surviving a write and a read,
/// microsecond precision and bad input. Derive from this class and implement
/// <see cref="CreateStore"/>.
/// </summary>
public abstract class ConcernStoreConformanceTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);
    private static readonly ContactReason Refund = ContactReason.Parse("billing/refund");

    private readonly TestIdFactory _ids = new();

    /// <summary>Creates an empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IConcernStore CreateStore();

    /// <summary>Creation assigns version 1 and unique increasing numbers.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_New_AssignsVersionAndIncreasingNumber()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();

        var first = await store.CreateAsync(NewConcern(customer), null);
        var second = await store.CreateAsync(NewConcern(customer), null);

        Assert.False(first.AlreadyExisted);
        Assert.Equal(1, first.Concern.Version);
        Assert.True(second.Concern.Number > first.Concern.Number);
        Assert.Equal(first.Concern.Id, (await store.FindByNumberAsync(first.Concern.Number))!.Id);
    }

    /// <summary>The same idempotency key returns the first concern.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_SameKey_ReturnsExisting()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var first = await store.CreateAsync(NewConcern(customer), "email:m1");

        var again = await store.CreateAsync(NewConcern(customer), "email:m1");

        Assert.True(again.AlreadyExisted);
        Assert.Equal(first.Concern.Id, again.Concern.Id);
        Assert.Single(await store.ListByCustomerAsync(customer));
    }

    /// <summary>Concurrent creations with one key create exactly one concern.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_ConcurrentSameKey_CreatesOnce()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var drafts = Enumerable.Range(0, 32).Select(_ => NewConcern(customer)).ToArray();

        var results = await Task.WhenAll(drafts.Select(d => Task.Run(async () => await store.CreateAsync(d, "email:race"))));

        Assert.Single(results, r => !r.AlreadyExisted);
        Assert.Single(results.Select(r => r.Concern.Id).Distinct());
        Assert.Single(await store.ListByCustomerAsync(customer));
    }

    /// <summary>Concurrent creations without keys get distinct numbers.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_Concurrent_NumbersUnique()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var drafts = Enumerable.Range(0, 100).Select(_ => NewConcern(customer)).ToArray();

        var results = await Task.WhenAll(drafts.Select(d => Task.Run(async () => await store.CreateAsync(d, null))));

        Assert.Equal(100, results.Select(r => r.Concern.Number).Distinct().Count());
    }

    /// <summary>Bad drafts are rejected.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_BadInput_Throws()
    {
        var store = CreateStore();
        var draft = NewConcern(_ids.NextCustomerId());
        await store.CreateAsync(draft, null);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.CreateAsync(draft, null));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.CreateAsync(NewConcern(_ids.NextCustomerId()) with { Version = 1 }, null));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.CreateAsync(NewConcern(_ids.NextCustomerId()) with { Number = 7 }, null));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.CreateAsync(NewConcern(_ids.NextCustomerId()), " "));
    }

    /// <summary>An update with the read version stores version + 1; a stale one throws with both versions.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_StaleVersion_ThrowsConflict()
    {
        var store = CreateStore();
        var created = (await store.CreateAsync(NewConcern(_ids.NextCustomerId()), null)).Concern;
        var resolved = await store.UpdateAsync(created.Resolve(Start).Concern, created.Version);

        var exception = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.UpdateAsync(created.Close(Start).Concern, created.Version));

        Assert.Equal(2, resolved.Version);
        Assert.Equal(ConcernStatus.Resolved, (await store.FindAsync(created.Id))!.Status);
        Assert.Equal(1, exception.ExpectedVersion);
        Assert.Equal(2, exception.ActualVersion);
    }

    /// <summary>Of concurrent updates from one version, exactly one wins.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_Concurrent_ExactlyOneWins()
    {
        var store = CreateStore();
        var created = (await store.CreateAsync(NewConcern(_ids.NextCustomerId()), null)).Concern;

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.UpdateAsync(created with { LastActivityAt = Start.Plus(Duration.FromMinutes(i)) }, created.Version);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Single(attempts, won => won);
    }

    /// <summary>The number and opened-at never change, and a missing concern is a conflict.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_FixedFieldsOrMissing_Throws()
    {
        var store = CreateStore();
        var created = (await store.CreateAsync(NewConcern(_ids.NextCustomerId()), null)).Concern;

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.UpdateAsync(created with { Number = created.Number + 1 }, 1));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.UpdateAsync(created with { OpenedAt = Start.Plus(Duration.FromDays(1)) }, 1));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.UpdateAsync(NewConcern(_ids.NextCustomerId()), 1));
    }

    /// <summary>Moving a concern to another customer changes both customers' lists.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_OtherCustomer_MovesConcern()
    {
        var store = CreateStore();
        var from = _ids.NextCustomerId();
        var to = _ids.NextCustomerId();
        var created = (await store.CreateAsync(NewConcern(from), null)).Concern;

        await store.UpdateAsync(created with { CustomerId = to }, created.Version);

        Assert.Empty(await store.ListByCustomerAsync(from));
        Assert.Single(await store.ListByCustomerAsync(to));
    }

    /// <summary>The cross-channel look-up returns the latest open or resolved concern with the reason, never a closed or merged one.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task FindActiveByReason_LatestOpenOrResolved()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var older = (await store.CreateAsync(NewConcern(customer, Start), null)).Concern;
        var resolved = (await store.CreateAsync(NewConcern(customer, Start.Plus(Duration.FromHours(2))), null)).Concern;
        resolved = await store.UpdateAsync(resolved.Resolve(Start.Plus(Duration.FromHours(3))).Concern, resolved.Version);
        var closed = (await store.CreateAsync(NewConcern(customer, Start.Plus(Duration.FromHours(5))), null)).Concern;
        await store.UpdateAsync(closed.Close(Start.Plus(Duration.FromHours(6))).Concern, closed.Version);
        await store.CreateAsync(NewConcern(customer, Start.Plus(Duration.FromHours(9))) with { ContactReason = ContactReason.Parse("billing") }, null);
        await store.CreateAsync(NewConcern(_ids.NextCustomerId(), Start.Plus(Duration.FromHours(9))), null);

        var found = await store.FindActiveByReasonAsync(customer, Refund);

        Assert.Equal(resolved.Id, found!.Id);
        Assert.NotEqual(older.Id, found.Id);
        Assert.Null(await store.FindActiveByReasonAsync(_ids.NextCustomerId(), Refund));
    }

    /// <summary>Look-ups of unknown ids return null or empty.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Find_Unknown_ReturnsNothing()
    {
        var store = CreateStore();

        Assert.Null(await store.FindAsync(_ids.NextConcernId()));
        Assert.Null(await store.FindByNumberAsync(999_999));
        Assert.Empty(await store.ListByCustomerAsync(_ids.NextCustomerId()));
    }

    /// <summary>Every property survives a write and a read.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_EveryProperty_RoundTrips()
    {
        var store = CreateStore();
        var created = (await store.CreateAsync(NewConcern(_ids.NextCustomerId()) with
        {
            Subject = "Erstattung – \"Bestellung\" 4711",
            Participants = [ContactPoint.Email("Anna@Example.com"), ContactPoint.Phone("030 1234567", "DE")],
            Links = [new ConcernLink(ConcernLinkKind.FollowUpOf, _ids.NextConcernId(), Start)],
        }, "email:first")).Concern;
        var changed = created with
        {
            CustomerId = _ids.NextCustomerId(),
            Status = ConcernStatus.Merged,
            ContactReason = null,
            LastActivityAt = Start.Plus(Duration.FromHours(5)),
            ResolvedAt = Start.Plus(Duration.FromHours(1)),
            ClosedAt = Start.Plus(Duration.FromHours(2)),
            ReopenedAt = Start.Plus(Duration.FromHours(3)),
            ReopenCount = 2,
            MergedInto = _ids.NextConcernId(),
            Links = [.. created.Links, new ConcernLink(ConcernLinkKind.MergedInto, _ids.NextConcernId(), Start.Plus(Duration.FromHours(4)))],
        };

        var updated = await store.UpdateAsync(changed, created.Version);
        var found = await store.FindAsync(created.Id);
        var byNumber = await store.FindByNumberAsync(created.Number);

        AssertSameContent(changed, updated);
        AssertSameContent(changed, found!);
        AssertSameContent(changed, byNumber!);
        Assert.Equal(2, found!.Version);
    }

    /// <summary>Instants are truncated to the microsecond, and the returned snapshot writes back unchanged.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_SubMicrosecondInstants_TruncatedToMicroseconds()
    {
        var store = CreateStore();
        var at = Start + Duration.FromNanoseconds(2_345);

        var created = (await store.CreateAsync(NewConcern(_ids.NextCustomerId(), at) with { Links = [new ConcernLink(ConcernLinkKind.NewTopicFrom, _ids.NextConcernId(), at)] }, null)).Concern;
        var resolved = await store.UpdateAsync(created.Resolve(at).Concern, created.Version);

        var expected = Start + Duration.FromTicks(20);
        Assert.Equal((expected, expected, expected), (created.OpenedAt, created.LastActivityAt, created.Links[0].At));
        Assert.Equal(expected, resolved.ResolvedAt);
        Assert.Equal(expected, (await store.FindAsync(created.Id))!.OpenedAt);
    }

    /// <summary>Of two active concerns with the same last activity, the look-up returns the higher number.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task FindActiveByReason_EqualActivity_HigherNumberWins()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        await store.CreateAsync(NewConcern(customer), null);
        var newer = (await store.CreateAsync(NewConcern(customer), null)).Concern;

        var found = await store.FindActiveByReasonAsync(customer, Refund);

        Assert.Equal(newer.Id, found!.Id);
    }

    /// <summary>Asserts that two concerns have equal properties, apart from the version the store assigns.</summary>
    /// <param name="expected">The snapshot that was written.</param>
    /// <param name="actual">The snapshot that was read.</param>
    protected static void AssertSameContent(Concern expected, Concern actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal((expected.Id, expected.Number, expected.CustomerId, expected.Status, expected.ContactReason), (actual.Id, actual.Number, actual.CustomerId, actual.Status, actual.ContactReason));
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal((expected.OpenedAt, expected.LastActivityAt), (actual.OpenedAt, actual.LastActivityAt));
        Assert.Equal((expected.ResolvedAt, expected.ClosedAt, expected.ReopenedAt, expected.ReopenCount), (actual.ResolvedAt, actual.ClosedAt, actual.ReopenedAt, actual.ReopenCount));
        Assert.Equal(expected.MergedInto, actual.MergedInto);
        Assert.Equal(expected.Participants.Select(p => (p, p.Display)), actual.Participants.Select(p => (p, p.Display)));
        Assert.Equal(expected.Links, actual.Links);
    }

    /// <summary>Creates an unstored open concern with reason <c>billing/refund</c>.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="at">When it was opened and last active; a fixed Monday morning when null.</param>
    /// <returns>The concern with version and number 0.</returns>
    protected Concern NewConcern(CustomerId customer, Instant? at = null) => new()
    {
        Id = _ids.NextConcernId(),
        CustomerId = customer,
        Subject = "Refund for order 4711",
        ContactReason = Refund,
        OpenedAt = at ?? Start,
        LastActivityAt = at ?? Start,
    };
}
