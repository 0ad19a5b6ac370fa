using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Privacy;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.Interactions;

/// <summary>
/// The tests every <see cref="ICustomerStore"/> must pass: optimistic versions, unique contact points among active
/// customers, also under concurrency, contact point and folded look-ups, merge records, the consent ledger, every
/// property surviving a write and a read, and microsecond precision. Derive from this class and implement <see cref="CreateStore"/>.
/// </summary>
public abstract class CustomerStoreConformanceTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private readonly TestIdFactory _ids = new();

    /// <summary>Creates an empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract ICustomerStore CreateStore();

    /// <summary>Creation stores version 1; the same id again is a conflict.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_New_StoresVersionOne()
    {
        var store = CreateStore();
        var customer = NewCustomer(ContactPoint.Email("anna@example.com"));

        var stored = await store.CreateAsync(customer);
        var exception = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.CreateAsync(customer));

        Assert.Equal(1, stored.Version);
        Assert.Equal(1, exception.ActualVersion);
        Assert.Equal(stored.Id, (await store.FindAsync(stored.Id))!.Id);
    }

    /// <summary>A draft with a version is rejected.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_NonZeroVersion_Throws()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.CreateAsync(NewCustomer() with { Version = 2 }));
    }

    /// <summary>A contact point another active customer has is rejected on create and update, and nothing is stored.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ContactPoint_InUse_Throws()
    {
        var store = CreateStore();
        var anna = await store.CreateAsync(NewCustomer(ContactPoint.Email("anna@example.com")));
        var ben = await store.CreateAsync(NewCustomer(ContactPoint.Email("ben@example.com")));

        var onCreate = await Assert.ThrowsAsync<ContactPointInUseException>(async () => await store.CreateAsync(NewCustomer(ContactPoint.Email("ANNA@example.com"))));
        await Assert.ThrowsAsync<ContactPointInUseException>(async () => await store.UpdateAsync(ben with { ContactPoints = [.. ben.ContactPoints, ContactPoint.Email("anna@example.com")] }, ben.Version));

        Assert.Equal(anna.Id, onCreate.OwnerId);
        Assert.Equal(1, (await store.FindAsync(ben.Id))!.Version);
        Assert.Equal(ben.Id, (await store.FindByContactPointAsync(ContactPoint.Email("ben@example.com")))!.Id);
    }

    /// <summary>Concurrent creations with one email address store exactly one customer.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ContactPoint_ConcurrentCreate_OneWins()
    {
        var store = CreateStore();
        var drafts = Enumerable.Range(0, 32).Select(_ => NewCustomer(ContactPoint.Email("race@example.com"))).ToArray();

        var outcomes = await Task.WhenAll(drafts.Select(d => Task.Run(async () =>
        {
            try
            {
                await store.CreateAsync(d);
                return true;
            }
            catch (ContactPointInUseException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, created => created);
    }

    /// <summary>A postal address may be shared; the look-up returns the customer created first.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ContactPoint_PostalAddress_MayBeShared()
    {
        var store = CreateStore();
        var address = ContactPoint.PostalAddress("Hauptstraße 1, 10115 Berlin", "DE");
        var first = await store.CreateAsync(NewCustomer(address));

        var second = await store.CreateAsync(NewCustomer(address));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(first.Id, (await store.FindByContactPointAsync(address))!.Id);
    }

    /// <summary>A customer that is no longer active frees its contact points.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ContactPoint_InactiveCustomer_FreesIt()
    {
        var store = CreateStore();
        var email = ContactPoint.Email("anna@example.com");
        var anna = await store.CreateAsync(NewCustomer(email));
        var survivor = await store.CreateAsync(NewCustomer());

        await store.UpdateAsync(anna with { MergedInto = survivor.Id }, anna.Version);
        var moved = await store.UpdateAsync(survivor with { ContactPoints = [email] }, survivor.Version);

        Assert.Equal(moved.Id, (await store.FindByContactPointAsync(email))!.Id);
    }

    /// <summary>Look-ups compare the normalized value and scope, and folded values find probable matches.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Find_ByContactPointAndLooseValue()
    {
        var store = CreateStore();
        var gmail = ContactPoint.Email("Anna.Berg+shop@gmail.com", foldProviderAliases: true);
        var anna = await store.CreateAsync(NewCustomer(gmail, ContactPoint.ExternalId("crm", "C-1")));

        var byExternal = await store.FindByContactPointAsync(ContactPoint.ExternalId("CRM", "C-1"));
        var otherSystem = await store.FindByContactPointAsync(ContactPoint.ExternalId("shop", "C-1"));
        var loose = await store.FindByLooseValueAsync(ContactPointKind.Email, ContactPoint.Email("annaberg@googlemail.com", foldProviderAliases: true).LooseValue!);

        Assert.Equal(anna.Id, byExternal!.Id);
        Assert.Null(otherSystem);
        Assert.Equal([anna.Id], loose.Select(c => c.Id));
        Assert.Null(await store.FindByContactPointAsync(ContactPoint.Email("annaberg@gmail.com")));
    }

    /// <summary>A default contact point is rejected.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Find_DefaultContactPoint_Throws()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.FindByContactPointAsync(default));
    }

    /// <summary>A stale update throws with both versions; a missing customer is a conflict.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_StaleOrMissing_ThrowsConflict()
    {
        var store = CreateStore();
        var stored = await store.CreateAsync(NewCustomer());
        await store.UpdateAsync(stored with { DisplayName = "Anna" }, 1);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.UpdateAsync(stored with { DisplayName = "Ben" }, 1));
        var missing = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.UpdateAsync(NewCustomer(), 1));

        Assert.Equal(2, stale.ActualVersion);
        Assert.Null(missing.ActualVersion);
        Assert.Equal("Anna", (await store.FindAsync(stored.Id))!.DisplayName);
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.UpdateAsync(stored with { CreatedAt = Start.Plus(Duration.FromDays(1)), Version = 2 }, 2));
    }

    /// <summary>Of concurrent updates from one version, exactly one wins.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_Concurrent_ExactlyOneWins()
    {
        var store = CreateStore();
        var stored = await store.CreateAsync(NewCustomer());

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.UpdateAsync(stored with { DisplayName = $"writer {i}" }, stored.Version);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Single(attempts, won => won);
    }

    /// <summary>Merge records follow optimistic versions and are listed for both customers.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveMerge_VersionsAndListing()
    {
        var store = CreateStore();
        var survivor = await store.CreateAsync(NewCustomer());
        var merged = await store.CreateAsync(NewCustomer());
        var merge = new CustomerMerge
        {
            Id = CustomerMergeId.New(Start),
            SurvivorId = survivor.Id,
            MergedId = merged.Id,
            Actor = "agent-7",
            Reason = "same person",
            MergedAt = Start,
            MergedSnapshot = merged,
        };

        var saved = await store.SaveMergeAsync(merge, 0);
        var undone = await store.SaveMergeAsync(saved with { UndoneAt = Start.Plus(Duration.FromHours(1)), UndoneBy = "agent-7" }, 1);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.SaveMergeAsync(merge, 0));

        Assert.Equal(1, saved.Version);
        Assert.Equal(2, undone.Version);
        Assert.Equal(2, stale.ActualVersion);
        Assert.True((await store.FindMergeAsync(merge.Id))!.IsUndone);
        Assert.Single(await store.ListMergesAsync(survivor.Id));
        Assert.Single(await store.ListMergesAsync(merged.Id));
        Assert.Empty(await store.ListMergesAsync(_ids.NextCustomerId()));
    }

    /// <summary>The consent ledger appends in order and ignores an entry stored before.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task AppendConsent_AppendsOnceInOrder()
    {
        var store = CreateStore();
        var customer = await store.CreateAsync(NewCustomer());
        var granted = new ConsentEntry(customer.Id, "marketing", Channel.Email, ConsentStatus.Granted, Start, "web-form", "v3");
        var withdrawn = new ConsentEntry(customer.Id, "marketing", Channel.Email, ConsentStatus.Withdrawn, Start.Plus(Duration.FromDays(3)), "call");

        var first = await store.AppendConsentAsync(granted);
        var repeated = await store.AppendConsentAsync(new ConsentEntry(customer.Id, "Marketing", Channel.Email, ConsentStatus.Granted, Start, "web-form", "v3"));
        await store.AppendConsentAsync(withdrawn);

        Assert.True(first);
        Assert.False(repeated);
        Assert.Equal([granted, withdrawn], await store.ListConsentAsync(customer.Id));
    }

    /// <summary>Every property survives a write and a read, contact point displays and learned preferences included.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_EveryProperty_RoundTrips()
    {
        var store = CreateStore();
        var learned = CustomerPreferences.None.Learn(Enumerable.Range(1, 3).Select(i => new Interaction
        {
            Id = _ids.NextInteractionId(),
            Sequence = i,
            Channel = Channel.Phone,
            Direction = InteractionDirection.Inbound,
            Kind = InteractionKind.Call,
            OccurredAt = Start,
            RecordedAt = Start,
            CustomerId = _ids.NextCustomerId(),
            Language = "de",
        }));
        var draft = NewCustomer(EveryKindOfContactPoint()) with
        {
            DisplayName = "Anna Bérg \"AB\"",
            Preferences = learned.WithStatedReachableTimes("Europe/Berlin", [new ReachableWindow(IsoDayOfWeek.Friday, new LocalTime(8, 30), new LocalTime(12, 15, 30))]),
        };

        var created = await store.CreateAsync(draft);
        var found = await store.FindAsync(draft.Id);

        AssertSameContent(draft, created);
        AssertSameContent(draft, found!);
        Assert.Equal(PreferenceSource.Learned, found!.Preferences.PreferredChannelSource);
    }

    /// <summary>Instants are truncated to the microsecond, and the returned snapshot writes back unchanged.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Create_SubMicrosecondInstants_TruncatedToMicroseconds()
    {
        var store = CreateStore();
        var draft = NewCustomer() with { CreatedAt = Start + Duration.FromNanoseconds(1_999) };

        var created = await store.CreateAsync(draft);
        var erased = await store.UpdateAsync(created with { ErasedAt = Start + Duration.FromNanoseconds(5_500) }, created.Version);

        Assert.Equal(Start + Duration.FromTicks(10), created.CreatedAt);
        Assert.Equal(Start + Duration.FromTicks(50), erased.ErasedAt);
        Assert.Equal(Start + Duration.FromTicks(50), (await store.FindAsync(draft.Id))!.ErasedAt);
    }

    /// <summary>A contact point that one customer gives up can go to another.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ContactPoint_GivenUp_CanMove()
    {
        var store = CreateStore();
        var phone = ContactPoint.Phone("+49 30 1234567");
        var anna = await store.CreateAsync(NewCustomer(phone, ContactPoint.Email("anna@example.com")));
        var ben = await store.CreateAsync(NewCustomer());

        await store.UpdateAsync(anna with { ContactPoints = [ContactPoint.Email("anna@example.com")] }, anna.Version);
        var moved = await store.UpdateAsync(ben with { ContactPoints = [phone] }, ben.Version);

        Assert.Equal(moved.Id, (await store.FindByContactPointAsync(phone))!.Id);
        Assert.Equal(anna.Id, (await store.FindByContactPointAsync(ContactPoint.Email("anna@example.com")))!.Id);
    }

    /// <summary>Of concurrent updates that give two customers the same email address, exactly one succeeds.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ContactPoint_ConcurrentUpdates_OneWins()
    {
        var store = CreateStore();
        var email = ContactPoint.Email("race@example.com");
        var customers = new List<Customer>();
        for (var i = 0; i < 8; i++)
        {
            customers.Add(await store.CreateAsync(NewCustomer()));
        }

        var outcomes = await Task.WhenAll(customers.Select(c => Task.Run(async () =>
        {
            try
            {
                await store.UpdateAsync(c with { ContactPoints = [email] }, c.Version);
                return true;
            }
            catch (ContactPointInUseException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, updated => updated);
        var owner = await store.FindByContactPointAsync(email);
        Assert.Equal(customers[Array.IndexOf(outcomes, true)].Id, owner!.Id);
    }

    /// <summary>Several customers with one folded value are all returned, oldest first.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task FindByLooseValue_Several_OldestFirst()
    {
        var store = CreateStore();
        var first = await store.CreateAsync(NewCustomer(ContactPoint.Email("a.nna@gmail.com", foldProviderAliases: true)));
        var second = await store.CreateAsync(NewCustomer(ContactPoint.Email("anna+x@googlemail.com", foldProviderAliases: true), ContactPoint.Email("an.na@gmail.com", foldProviderAliases: true)));
        await store.CreateAsync(NewCustomer(ContactPoint.Email("ben@gmail.com", foldProviderAliases: true)));

        var found = await store.FindByLooseValueAsync(ContactPointKind.Email, "anna@gmail.com");

        Assert.Equal([first.Id, second.Id], found.Select(c => c.Id));
        Assert.Empty(await store.FindByLooseValueAsync(ContactPointKind.Phone, "anna@gmail.com"));
    }

    /// <summary>Every property of a merge record survives a write and a read.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task SaveMerge_EveryProperty_RoundTrips()
    {
        var store = CreateStore();
        var snapshot = (NewCustomer(EveryKindOfContactPoint()) with { DisplayName = "Anna", Preferences = CustomerPreferences.None.WithStatedLanguage("de") }) with { Version = 4 };
        var merge = new CustomerMerge
        {
            Id = CustomerMergeId.New(Start),
            SurvivorId = _ids.NextCustomerId(),
            MergedId = snapshot.Id,
            Actor = "agent-7",
            Reason = "same person – confirmed by phone",
            MergedAt = Start.Plus(Duration.FromMinutes(3)),
            MergedSnapshot = snapshot,
            MovedInteractions = [_ids.NextInteractionId(), _ids.NextInteractionId()],
            MovedConcerns = [_ids.NextConcernId()],
            MovedContactPoints = [ContactPoint.Phone("030 1234567", "DE")],
            UndoneAt = Start.Plus(Duration.FromHours(1)),
            UndoneBy = "agent-8",
            UndoReason = "different people",
        };

        await store.SaveMergeAsync(merge, 0);
        var found = await store.FindMergeAsync(merge.Id);

        Assert.Equal((merge.SurvivorId, merge.MergedId, merge.Actor, merge.Reason, merge.MergedAt), (found!.SurvivorId, found.MergedId, found.Actor, found.Reason, found.MergedAt));
        Assert.Equal(merge.MovedInteractions, found.MovedInteractions);
        Assert.Equal(merge.MovedConcerns, found.MovedConcerns);
        Assert.Equal(merge.MovedContactPoints.Select(p => p.Display), found.MovedContactPoints.Select(p => p.Display));
        Assert.Equal((merge.UndoneAt, merge.UndoneBy, merge.UndoReason), (found.UndoneAt, found.UndoneBy, found.UndoReason));
        Assert.Equal(4, found.MergedSnapshot.Version);
        AssertSameContent(snapshot, found.MergedSnapshot);
    }

    /// <summary>A missing text version and an empty one are different entries; the instant is kept to the microsecond.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task AppendConsent_TextVersionAndPrecision_Distinguished()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var at = Start + Duration.FromNanoseconds(1_500);

        var withoutText = await store.AppendConsentAsync(new ConsentEntry(customer, "surveys", Channel.Phone, ConsentStatus.Granted, at, "call"));
        var emptyText = await store.AppendConsentAsync(new ConsentEntry(customer, "surveys", Channel.Phone, ConsentStatus.Granted, at, "call", string.Empty));
        var sameMicrosecond = await store.AppendConsentAsync(new ConsentEntry(customer, "surveys", Channel.Phone, ConsentStatus.Granted, Start + Duration.FromNanoseconds(1_000), "call"));
        var nextMicrosecond = await store.AppendConsentAsync(new ConsentEntry(customer, "surveys", Channel.Phone, ConsentStatus.Granted, Start + Duration.FromNanoseconds(2_000), "call"));

        Assert.Equal((true, true, false, true), (withoutText, emptyText, sameMicrosecond, nextMicrosecond));
        var ledger = await store.ListConsentAsync(customer);
        Assert.Equal([null, string.Empty, null], ledger.Select(e => e.TextVersion));
        Assert.Equal(Start + Duration.FromTicks(10), ledger[0].At);
        Assert.Empty(await store.ListConsentAsync(_ids.NextCustomerId()));
    }

    /// <summary>Returns a contact point of every kind, with displays that differ from the normalized values.</summary>
    /// <returns>The contact points.</returns>
    protected static ContactPoint[] EveryKindOfContactPoint() =>
    [
        ContactPoint.Email(" Anna.Berg+shop@GMail.com ", foldProviderAliases: true),
        ContactPoint.Phone("030 1234567", "DE"),
        ContactPoint.Fax("+49 30 7654321"),
        ContactPoint.PostalAddress("Hauptstraße 1,  10115 Berlin", "de"),
        ContactPoint.WebAccount("shop", "Anna.Berg"),
        ContactPoint.ChatHandle("whatsapp", "@Anna"),
        ContactPoint.ExternalId("crm", "C-10023"),
    ];

    /// <summary>Asserts that two customers have equal properties, apart from the version the store assigns.</summary>
    /// <param name="expected">The snapshot that was written.</param>
    /// <param name="actual">The snapshot that was read.</param>
    protected static void AssertSameContent(Customer expected, Customer actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.DisplayName, actual.DisplayName);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.MergedInto, actual.MergedInto);
        Assert.Equal(expected.ErasedAt, actual.ErasedAt);
        Assert.Equal(
            expected.ContactPoints.Select(p => (p, p.Display, p.LooseValue)),
            actual.ContactPoints.Select(p => (p, p.Display, p.LooseValue)));
        Assert.Equal(expected.Preferences, actual.Preferences);
    }

    /// <summary>Creates an unstored customer with the given contact points.</summary>
    /// <param name="contactPoints">The contact points.</param>
    /// <returns>The customer with version 0.</returns>
    protected Customer NewCustomer(params ContactPoint[] contactPoints) => new()
    {
        Id = _ids.NextCustomerId(),
        CreatedAt = Start,
        ContactPoints = contactPoints,
    };
}
