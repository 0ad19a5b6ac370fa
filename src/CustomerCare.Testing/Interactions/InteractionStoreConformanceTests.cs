using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Timeline;
using NodaTime;
using Xunit;

namespace CustomerCare.Testing.Interactions;

/// <summary>
/// The tests every <see cref="IInteractionStore"/> must pass: idempotent recording, also concurrent, optimistic
/// updates, timeline order with equal timestamps and back-dated imports, paging with continuation tokens (also with
/// recordings between pages), filters, every property surviving a write and a read, microsecond precision and bad
/// input. Derive from this class and implement <see cref="CreateStore"/>.
/// </summary>
public abstract class InteractionStoreConformanceTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private readonly TestIdFactory _ids = new();

    /// <summary>Creates an empty store for one test.</summary>
    /// <returns>The store under test.</returns>
    protected abstract IInteractionStore CreateStore();

    /// <summary>Recording assigns version 1 and increasing sequence numbers.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_New_AssignsVersionAndIncreasingSequence()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();

        var first = await store.RecordAsync(NewInteraction(customer, Start));
        var second = await store.RecordAsync(NewInteraction(customer, Start));

        Assert.False(first.WasDuplicate);
        Assert.Equal(1, first.Interaction.Version);
        Assert.True(first.Interaction.Sequence > 0);
        Assert.True(second.Interaction.Sequence > first.Interaction.Sequence);
        Assert.Equal(first.Interaction.Id, (await store.FindAsync(first.Interaction.Id))!.Id);
    }

    /// <summary>The same channel and external id return the stored interaction.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_SameExternalId_ReturnsExisting()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var first = await store.RecordAsync(NewInteraction(customer, Start) with { ExternalId = "m1@example.com" });

        var again = await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromMinutes(1))) with { ExternalId = "m1@example.com" });

        Assert.True(again.WasDuplicate);
        Assert.Equal(first.Interaction.Id, again.Interaction.Id);
        Assert.Single(await store.ListByCustomerAsync(customer));
    }

    /// <summary>The same external id on another channel is a different interaction.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_SameExternalIdOtherChannel_StoresBoth()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();

        await store.RecordAsync(NewInteraction(customer, Start) with { ExternalId = "42" });
        var call = await store.RecordAsync(NewInteraction(customer, Start) with { ExternalId = "42", Channel = Channel.Phone, Kind = InteractionKind.Call });

        Assert.False(call.WasDuplicate);
        Assert.Equal(2, (await store.ListByCustomerAsync(customer)).Count);
    }

    /// <summary>Many concurrent recordings of one external id store exactly one interaction.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_ConcurrentSameExternalId_StoresOnce()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var drafts = Enumerable.Range(0, 32).Select(_ => NewInteraction(customer, Start) with { ExternalId = "race@example.com" }).ToArray();

        var results = await Task.WhenAll(drafts.Select(d => Task.Run(async () => await store.RecordAsync(d))));

        Assert.Single(results, r => !r.WasDuplicate);
        Assert.Single(results.Select(r => r.Interaction.Id).Distinct());
        Assert.Single(await store.ListByCustomerAsync(customer));
    }

    /// <summary>Many concurrent recordings without external ids all store, with distinct sequence numbers.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_ConcurrentDistinct_AllStoredWithUniqueSequence()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var drafts = Enumerable.Range(0, 200).Select(_ => NewInteraction(customer, Start)).ToArray();

        var results = await Task.WhenAll(drafts.Select(d => Task.Run(async () => await store.RecordAsync(d))));

        Assert.Equal(200, results.Select(r => r.Interaction.Sequence).Distinct().Count());
        Assert.Equal(200, (await store.ListByCustomerAsync(customer)).Count);
    }

    /// <summary>A draft with a version or sequence is rejected.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_NonZeroVersion_Throws()
    {
        var store = CreateStore();

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.RecordAsync(NewInteraction(_ids.NextCustomerId(), Start) with { Version = 3 }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.RecordAsync(NewInteraction(_ids.NextCustomerId(), Start) with { Sequence = 9 }));
    }

    /// <summary>Invalid properties are all reported at once.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_InvalidInteraction_ReportsEveryProblem()
    {
        var store = CreateStore();
        var bad = NewInteraction(_ids.NextCustomerId(), Start) with { Channel = default, ExternalId = " ", Direction = (InteractionDirection)42 };

        var exception = await Assert.ThrowsAsync<CustomerCareValidationException>(async () => await store.RecordAsync(bad));

        Assert.Equal(3, exception.Errors.Count);
    }

    /// <summary>A second interaction with a stored id but another external id is a conflict.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_SameIdOtherExternalId_ThrowsConflict()
    {
        var store = CreateStore();
        var draft = NewInteraction(_ids.NextCustomerId(), Start) with { ExternalId = "a" };
        await store.RecordAsync(draft);

        var exception = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.RecordAsync(draft with { ExternalId = "b" }));

        Assert.Equal(0, exception.ExpectedVersion);
        Assert.Equal(1, exception.ActualVersion);
    }

    /// <summary>An update with the read version stores version + 1.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_CurrentVersion_IncrementsVersion()
    {
        var store = CreateStore();
        var stored = (await store.RecordAsync(NewInteraction(_ids.NextCustomerId(), Start))).Interaction;

        var updated = await store.UpdateAsync(stored with { Subject = "changed" }, stored.Version);

        Assert.Equal(2, updated.Version);
        Assert.Equal("changed", (await store.FindAsync(stored.Id))!.Subject);
    }

    /// <summary>A stale update throws with both versions and changes nothing.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_StaleVersion_ThrowsConflictWithVersions()
    {
        var store = CreateStore();
        var stored = (await store.RecordAsync(NewInteraction(_ids.NextCustomerId(), Start))).Interaction;
        await store.UpdateAsync(stored with { Subject = "first" }, 1);

        var exception = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.UpdateAsync(stored with { Subject = "second" }, 1));

        Assert.Equal(1, exception.ExpectedVersion);
        Assert.Equal(2, exception.ActualVersion);
        Assert.Equal("first", (await store.FindAsync(stored.Id))!.Subject);
    }

    /// <summary>Updating an interaction that does not exist is a conflict with no actual version.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_Missing_ThrowsConflict()
    {
        var store = CreateStore();

        var exception = await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await store.UpdateAsync(NewInteraction(_ids.NextCustomerId(), Start), 1));

        Assert.Null(exception.ActualVersion);
    }

    /// <summary>Of concurrent updates from one version, exactly one wins.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_Concurrent_ExactlyOneWins()
    {
        var store = CreateStore();
        var stored = (await store.RecordAsync(NewInteraction(_ids.NextCustomerId(), Start))).Interaction;

        var attempts = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.UpdateAsync(stored with { Subject = $"writer {i}" }, stored.Version);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Single(attempts, won => won);
        Assert.Equal(2, (await store.FindAsync(stored.Id))!.Version);
    }

    /// <summary>Fields fixed at recording cannot change.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_ChangesFixedField_Throws()
    {
        var store = CreateStore();
        var stored = (await store.RecordAsync(NewInteraction(_ids.NextCustomerId(), Start))).Interaction;

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.UpdateAsync(stored with { OccurredAt = Start.Plus(Duration.FromDays(1)) }, 1));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.UpdateAsync(stored with { Channel = Channel.Fax }, 1));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.UpdateAsync(stored with { Sequence = stored.Sequence + 1 }, 1));
    }

    /// <summary>Moving an interaction to another customer moves it between timelines.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_OtherCustomer_MovesTimeline()
    {
        var store = CreateStore();
        var from = _ids.NextCustomerId();
        var to = _ids.NextCustomerId();
        var stored = (await store.RecordAsync(NewInteraction(from, Start))).Interaction;

        await store.UpdateAsync(stored with { CustomerId = to }, stored.Version);

        Assert.Empty(await store.ListByCustomerAsync(from));
        Assert.Single(await store.ListByCustomerAsync(to));
        Assert.Single((await store.GetTimelineAsync(new TimelineQuery(to))).Items);
    }

    /// <summary>Removing the external id frees it for look-up and recording.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_RemovesExternalId_FreesIt()
    {
        var store = CreateStore();
        var stored = (await store.RecordAsync(NewInteraction(_ids.NextCustomerId(), Start) with { ExternalId = "x@y" })).Interaction;

        await store.UpdateAsync(stored with { ExternalId = null }, stored.Version);

        Assert.Null(await store.FindByExternalIdAsync(Channel.Email, "x@y"));
        Assert.NotNull(await store.FindAsync(stored.Id));
    }

    /// <summary>Equal timestamps sort by recording order.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Timeline_EqualTimestamps_OrderedBySequence()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var recorded = new List<InteractionId>();
        for (var i = 0; i < 10; i++)
        {
            recorded.Add((await store.RecordAsync(NewInteraction(customer, Start))).Interaction.Id);
        }

        var page = await store.GetTimelineAsync(new TimelineQuery(customer) { Order = TimelineOrder.OldestFirst });

        Assert.Equal(recorded, page.Items.Select(i => i.Id));
    }

    /// <summary>A back-dated import lands at its occurred-at, and equal occurred-at sorts by recorded-at.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Timeline_BackDated_SortsByOccurredThenRecorded()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var monday = (await store.RecordAsync(NewInteraction(customer, Start))).Interaction;
        var wednesday = (await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromDays(2))))).Interaction;
        var letter = (await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromDays(1)), recordedAt: Start.Plus(Duration.FromDays(4))) with { Channel = Channel.Letter, Kind = InteractionKind.Letter })).Interaction;
        var scannedEarlier = (await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromDays(1)), recordedAt: Start.Plus(Duration.FromDays(3))))).Interaction;

        var page = await store.GetTimelineAsync(new TimelineQuery(customer) { Order = TimelineOrder.OldestFirst });

        Assert.Equal([monday.Id, scannedEarlier.Id, letter.Id, wednesday.Id], page.Items.Select(i => i.Id));
    }

    /// <summary>Paging in either order visits every interaction once, in order, and the last page has no token.</summary>
    /// <param name="order">The reading order.</param>
    /// <returns>A task that completes with the test.</returns>
    [Theory]
    [InlineData(TimelineOrder.OldestFirst)]
    [InlineData(TimelineOrder.NewestFirst)]
    public async Task Timeline_Paging_VisitsEveryInteractionOnce(TimelineOrder order)
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var other = _ids.NextCustomerId();
        for (var i = 0; i < 23; i++)
        {
            // Every third pair shares a timestamp, so paging must break ties by sequence.
            await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromMinutes(i / 3))));
            await store.RecordAsync(NewInteraction(other, Start.Plus(Duration.FromMinutes(i))));
        }

        var seen = new List<Interaction>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await store.GetTimelineAsync(new TimelineQuery(customer) { Order = order, PageSize = 5, ContinuationToken = token });
            seen.AddRange(page.Items);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(5, pages);
        Assert.Equal(23, seen.Select(i => i.Id).Distinct().Count());
        var keys = seen.Select(i => i.TimelineKey).ToArray();
        var expected = order == TimelineOrder.OldestFirst ? keys.Order().ToArray() : keys.OrderDescending().ToArray();
        Assert.Equal(expected, keys);
    }

    /// <summary>A page that ends exactly at the last interaction has no token.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Timeline_ExactlyOnePage_HasNoToken()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        for (var i = 0; i < 5; i++)
        {
            await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromMinutes(i))));
        }

        var page = await store.GetTimelineAsync(new TimelineQuery(customer) { PageSize = 5 });

        Assert.Equal(5, page.Items.Count);
        Assert.Null(page.ContinuationToken);
    }

    /// <summary>An interaction recorded after the cursor position appears on a later page.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Timeline_RecordedWhilePaging_AppearsLater()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        for (var i = 0; i < 4; i++)
        {
            await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromMinutes(i))));
        }

        var first = await store.GetTimelineAsync(new TimelineQuery(customer) { Order = TimelineOrder.OldestFirst, PageSize = 2 });
        var late = (await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromMinutes(10))))).Interaction;
        var second = await store.GetTimelineAsync(new TimelineQuery(customer) { Order = TimelineOrder.OldestFirst, PageSize = 10, ContinuationToken = first.ContinuationToken });

        Assert.Equal(3, second.Items.Count);
        Assert.Equal(late.Id, second.Items[^1].Id);
    }

    /// <summary>The channel, concern and range filters combine.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Timeline_Filters_Combine()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var concern = _ids.NextConcernId();
        var inRange = (await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromHours(1))) with { ConcernId = concern })).Interaction;
        await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromHours(1))) with { ConcernId = concern, Channel = Channel.Phone, Kind = InteractionKind.Call });
        await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromHours(2))));
        await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromHours(5))) with { ConcernId = concern });

        var page = await store.GetTimelineAsync(new TimelineQuery(customer)
        {
            Channels = [Channel.Email],
            ConcernId = concern,
            From = Start,
            To = Start.Plus(Duration.FromHours(3)),
        });

        Assert.Equal([inRange.Id], page.Items.Select(i => i.Id));
        Assert.Single(await store.ListByConcernAsync(concern), i => i.Channel == Channel.Phone);
        Assert.Equal(3, (await store.ListByConcernAsync(concern)).Count);
    }

    /// <summary>The range filter is inclusive at the start and exclusive at the end, in both orders.</summary>
    /// <param name="order">The reading order.</param>
    /// <returns>A task that completes with the test.</returns>
    [Theory]
    [InlineData(TimelineOrder.OldestFirst)]
    [InlineData(TimelineOrder.NewestFirst)]
    public async Task Timeline_Range_StartInclusiveEndExclusive(TimelineOrder order)
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        for (var hour = 0; hour < 6; hour++)
        {
            await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromHours(hour))));
        }

        var page = await store.GetTimelineAsync(new TimelineQuery(customer) { Order = order, From = Start.Plus(Duration.FromHours(1)), To = Start.Plus(Duration.FromHours(4)) });

        Assert.Equal(3, page.Items.Count);
        Assert.All(page.Items, i => Assert.InRange(i.OccurredAt, Start.Plus(Duration.FromHours(1)), Start.Plus(Duration.FromHours(3))));
    }

    /// <summary>An unknown customer has an empty timeline.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Timeline_UnknownCustomer_IsEmpty()
    {
        var store = CreateStore();

        var page = await store.GetTimelineAsync(new TimelineQuery(_ids.NextCustomerId()));

        Assert.Empty(page.Items);
        Assert.Null(page.ContinuationToken);
    }

    /// <summary>Bad tokens, a token of the other order and a bad page size are rejected.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Timeline_BadQuery_Throws()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        for (var i = 0; i < 3; i++)
        {
            await store.RecordAsync(NewInteraction(customer, Start.Plus(Duration.FromMinutes(i))));
        }

        var newest = await store.GetTimelineAsync(new TimelineQuery(customer) { PageSize = 1 });

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.GetTimelineAsync(new TimelineQuery(customer) { ContinuationToken = "not-a-token" }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.GetTimelineAsync(new TimelineQuery(customer) { Order = TimelineOrder.OldestFirst, ContinuationToken = newest.ContinuationToken }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.GetTimelineAsync(new TimelineQuery(customer) { PageSize = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.GetTimelineAsync(new TimelineQuery(customer) { PageSize = TimelineQuery.MaxPageSize + 1 }));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.GetTimelineAsync(new TimelineQuery(customer) { From = Start, To = Start }));
    }

    /// <summary>Every property survives recording and reading back, text with non-ASCII and JSON-special characters included.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_EveryProperty_RoundTrips()
    {
        var store = CreateStore();
        var draft = NewInteraction(_ids.NextCustomerId(), Start) with
        {
            Channel = Channel.Parse("whatsapp"),
            Direction = InteractionDirection.Outbound,
            Kind = InteractionKind.SurveyAnswer,
            RecordedAt = Start.Plus(Duration.FromDays(2)),
            ConcernId = _ids.NextConcernId(),
            Subject = "Grüße – \"quoted\" \\ and\nline ✓",
            ContactReason = ContactReason.Parse("billing/refund"),
            ContentReference = "blob://mail/1",
            Language = "pt-br",
            ExternalId = "wamid.HBgM 1",
            Participants =
            [
                new Participant(ParticipantRole.From, ContactPoint.Email("Anna.Berg+x@GMail.com", foldProviderAliases: true)),
                new Participant(ParticipantRole.To, ContactPoint.Phone("030 1234567", "DE")),
                new Participant(ParticipantRole.Cc, ContactPoint.PostalAddress("Hauptstraße 1, 10115 Berlin", "DE")),
                new Participant(ParticipantRole.Agent, ContactPoint.ExternalId("staff", "agent-7")),
            ],
            Attachments = ["blob://a/1", "blob://a/2"],
            InReplyTo = ["m0@example.com"],
            References = ["m-2@example.com", "m-1@example.com"],
            Metadata = new Dictionary<string, string> { ["duration"] = "PT3M", ["total"] = "42.10 EUR" },
        };

        var recorded = (await store.RecordAsync(draft)).Interaction;
        var found = await store.FindAsync(draft.Id);
        var byExternalId = await store.FindByExternalIdAsync(draft.Channel, draft.ExternalId!);

        AssertSameContent(draft, recorded);
        AssertSameContent(draft, found!);
        AssertSameContent(draft, byExternalId!);
        Assert.Equal(recorded.Sequence, found!.Sequence);
    }

    /// <summary>Instants are kept to the microsecond and truncated below it, and the returned snapshot writes back unchanged.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Record_SubMicrosecondInstants_TruncatedToMicroseconds()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var microsecond = Duration.FromTicks(10);
        var later = (await store.RecordAsync(NewInteraction(customer, Start + (2 * microsecond)))).Interaction;

        var earlier = (await store.RecordAsync(NewInteraction(customer, Start + microsecond + Duration.FromNanoseconds(999), recordedAt: Start + Duration.FromNanoseconds(1)))).Interaction;
        var page = await store.GetTimelineAsync(new TimelineQuery(customer) { Order = TimelineOrder.OldestFirst });
        var updated = await store.UpdateAsync(earlier with { Subject = "changed" }, earlier.Version);

        Assert.Equal(Start + microsecond, earlier.OccurredAt);
        Assert.Equal(Start, earlier.RecordedAt);
        Assert.Equal(Start + microsecond, (await store.FindAsync(earlier.Id))!.OccurredAt);
        Assert.Equal([earlier.Id, later.Id], page.Items.Select(i => i.Id));
        Assert.Equal(2, updated.Version);
    }

    /// <summary>
    /// Interactions recorded between two pages with the same timestamps as the page appear after the cursor when
    /// reading oldest first, are not repeated, and leave no gap.
    /// </summary>
    /// <param name="order">The reading order.</param>
    /// <returns>A task that completes with the test.</returns>
    [Theory]
    [InlineData(TimelineOrder.OldestFirst)]
    [InlineData(TimelineOrder.NewestFirst)]
    public async Task Timeline_InsertsBetweenPagesEqualTimestamps_NoRepeatNoGap(TimelineOrder order)
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        var before = new List<Interaction>();
        for (var i = 0; i < 6; i++)
        {
            before.Add((await store.RecordAsync(NewInteraction(customer, Start))).Interaction);
        }

        var first = await store.GetTimelineAsync(new TimelineQuery(customer) { Order = order, PageSize = 3 });
        var between = new List<Interaction>();
        for (var i = 0; i < 2; i++)
        {
            between.Add((await store.RecordAsync(NewInteraction(customer, Start))).Interaction);
        }

        var second = await store.GetTimelineAsync(new TimelineQuery(customer) { Order = order, PageSize = 10, ContinuationToken = first.ContinuationToken });

        // Oldest first, the new interactions sort after the cursor; newest first, they sort before it and were passed.
        var expected = order == TimelineOrder.OldestFirst
            ? before.Concat(between).Select(i => i.Id)
            : before.AsEnumerable().Reverse().Select(i => i.Id);
        Assert.Equal(expected, first.Items.Concat(second.Items).Select(i => i.Id));
        Assert.Null(second.ContinuationToken);
    }

    /// <summary>An update that takes the channel and external id of another interaction is rejected and changes nothing.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task Update_ExternalIdOfAnother_Throws()
    {
        var store = CreateStore();
        var customer = _ids.NextCustomerId();
        await store.RecordAsync(NewInteraction(customer, Start) with { ExternalId = "a@example.com" });
        var other = (await store.RecordAsync(NewInteraction(customer, Start) with { ExternalId = "b@example.com" })).Interaction;

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.UpdateAsync(other with { ExternalId = "a@example.com" }, other.Version));

        var stored = await store.FindAsync(other.Id);
        Assert.Equal((1L, "b@example.com"), (stored!.Version, stored.ExternalId));
    }

    /// <summary>A concern's interactions with equal timestamps list in recording order.</summary>
    /// <returns>A task that completes with the test.</returns>
    [Fact]
    public async Task ListByConcern_EqualTimestamps_OrderedBySequence()
    {
        var store = CreateStore();
        var concern = _ids.NextConcernId();
        var recorded = new List<InteractionId>();
        for (var i = 0; i < 5; i++)
        {
            recorded.Add((await store.RecordAsync(NewInteraction(_ids.NextCustomerId(), Start) with { ConcernId = concern })).Interaction.Id);
        }

        var listed = await store.ListByConcernAsync(concern);

        Assert.Equal(recorded, listed.Select(i => i.Id));
    }

    /// <summary>Asserts that two snapshots have equal properties, apart from the version and sequence the store assigns.</summary>
    /// <param name="expected">The snapshot that was written.</param>
    /// <param name="actual">The snapshot that was read.</param>
    protected static void AssertSameContent(Interaction expected, Interaction actual)
    {
        Assert.NotNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.Direction, actual.Direction);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.OccurredAt, actual.OccurredAt);
        Assert.Equal(expected.RecordedAt, actual.RecordedAt);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.ConcernId, actual.ConcernId);
        Assert.Equal(expected.Subject, actual.Subject);
        Assert.Equal(expected.ContactReason, actual.ContactReason);
        Assert.Equal(expected.ContentReference, actual.ContentReference);
        Assert.Equal(expected.Language, actual.Language);
        Assert.Equal(expected.ExternalId, actual.ExternalId);
        Assert.Equal(
            expected.Participants.Select(p => (p.Role, p.ContactPoint, p.ContactPoint.Display, p.ContactPoint.LooseValue)),
            actual.Participants.Select(p => (p.Role, p.ContactPoint, p.ContactPoint.Display, p.ContactPoint.LooseValue)));
        Assert.Equal(expected.Attachments, actual.Attachments);
        Assert.Equal(expected.InReplyTo, actual.InReplyTo);
        Assert.Equal(expected.References, actual.References);
        Assert.Equal(expected.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal), actual.Metadata.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    /// <summary>Creates an unrecorded inbound email for <paramref name="customer"/>.</summary>
    /// <param name="customer">The customer.</param>
    /// <param name="occurredAt">When it happened.</param>
    /// <param name="recordedAt">When it was recorded; <paramref name="occurredAt"/> when null.</param>
    /// <returns>The interaction with version and sequence 0.</returns>
    protected Interaction NewInteraction(CustomerId customer, Instant occurredAt, Instant? recordedAt = null) => new()
    {
        Id = _ids.NextInteractionId(),
        Channel = Channel.Email,
        Direction = InteractionDirection.Inbound,
        Kind = InteractionKind.Message,
        OccurredAt = occurredAt,
        RecordedAt = recordedAt ?? occurredAt,
        CustomerId = customer,
        Subject = "Where is my order?",
        Participants = [new Participant(ParticipantRole.From, ContactPoint.Email("anna@example.com"))],
    };
}
