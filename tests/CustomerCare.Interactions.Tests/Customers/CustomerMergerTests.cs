using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Identity;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerCare.Interactions.Tests.Customers;

public class CustomerMergerTests
{
    private readonly Harness _harness = new();

    [Fact]
    public async Task Merge_MovesEverythingAndRecordsWhoAndWhy()
    {
        var anna = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var annaPhone = await _harness.Recorder.RecordInboundAsync(Harness.Call("030 1234567", "call-1", ContactReason.Parse("billing"), Harness.Start.Plus(Duration.FromHours(1))));

        var merge = await _harness.Merger.MergeAsync(anna.Customer.Id, annaPhone.Customer.Id, "agt-7", "caller confirmed her email");

        var survivor = (await _harness.Customers.FindAsync(anna.Customer.Id))!;
        var merged = (await _harness.Customers.FindAsync(annaPhone.Customer.Id))!;
        Assert.Equal(("agt-7", "caller confirmed her email", Harness.Start), (merge.Actor, merge.Reason, merge.MergedAt));
        Assert.True(survivor.Has(ContactPoint.Phone("+49301234567")));
        Assert.Equal(anna.Customer.Id, merged.MergedInto);
        Assert.Empty(merged.ContactPoints);
        Assert.Equal(2, (await _harness.Interactions.ListByCustomerAsync(anna.Customer.Id)).Count);
        Assert.Equal(2, (await _harness.Concerns.ListByCustomerAsync(anna.Customer.Id)).Count);
        Assert.Empty(await _harness.Interactions.ListByCustomerAsync(annaPhone.Customer.Id));
        var match = await new IdentityResolver(_harness.Customers).ResolveAsync(ContactPoint.Phone("030 1234567", "DE"));
        Assert.Equal(anna.Customer.Id, match.Customer!.Id);
    }

    [Fact]
    public async Task Undo_RestoresTheSplitExactly()
    {
        var anna = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var other = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna.other@example.com", "m2@example.com") with { DisplayName = "A. Berg" });
        var before = await SnapshotAsync(anna.Customer.Id, other.Customer.Id);
        var merge = await _harness.Merger.MergeAsync(anna.Customer.Id, other.Customer.Id, "agt-7", "looked alike");
        _harness.Clock.Advance(Duration.FromHours(1));

        var undone = await _harness.Merger.UndoAsync(merge.Id, "agt-8", "they are sisters");
        var twice = await _harness.Merger.UndoAsync(merge.Id, "agt-8", "again");

        Assert.Equal(before, await SnapshotAsync(anna.Customer.Id, other.Customer.Id));
        Assert.Equal((Harness.Start.Plus(Duration.FromHours(1)), "agt-8", "they are sisters"), (undone.UndoneAt!.Value, undone.UndoneBy, undone.UndoReason));
        Assert.Equal(undone.Version, twice.Version);
        Assert.Equal(other.Customer.Id, (await new IdentityResolver(_harness.Customers).ResolveAsync(ContactPoint.Email("anna.other@example.com"))).Customer!.Id);
    }

    [Fact]
    public async Task Undo_KeepsLaterInteractionsWithSurvivor()
    {
        var anna = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));
        var other = await _harness.Recorder.RecordInboundAsync(Harness.Email("other@example.com", "m2@example.com"));
        var merge = await _harness.Merger.MergeAsync(anna.Customer.Id, other.Customer.Id, "agt-7", "same");
        var later = await _harness.Recorder.RecordInboundAsync(Harness.Email("other@example.com", "m3@example.com"));

        await _harness.Merger.UndoAsync(merge.Id, "agt-7", "wrong");

        Assert.Equal(anna.Customer.Id, later.Customer.Id);
        Assert.Equal(anna.Customer.Id, (await _harness.Interactions.FindAsync(later.Interaction.Id))!.CustomerId);
        Assert.Equal(other.Customer.Id, (await _harness.Interactions.FindAsync(other.Interaction.Id))!.CustomerId);
    }

    [Fact]
    public async Task Merge_WithItself_RejectedAndNothingChanged()
    {
        var anna = await _harness.Recorder.RecordInboundAsync(Harness.Email("anna@example.com", "m1@example.com"));

        var exception = await Assert.ThrowsAsync<ArgumentException>(async () => await _harness.Merger.MergeAsync(anna.Customer.Id, anna.Customer.Id, "agt-7", "oops"));

        Assert.Contains("cannot be merged with itself", exception.Message, StringComparison.Ordinal);
        Assert.Equal(anna.Customer.Version, (await _harness.Customers.FindAsync(anna.Customer.Id))!.Version);
        Assert.Empty(await _harness.Customers.ListMergesAsync(anna.Customer.Id));
    }

    [Fact]
    public async Task Merge_DifferentExternalIds_Rejected()
    {
        var a = await _harness.Customers.CreateAsync(new Customer { Id = CustomerId.New(Harness.Start), CreatedAt = Harness.Start, ContactPoints = [ContactPoint.ExternalId("crm", "C-1")] });
        var b = await _harness.Customers.CreateAsync(new Customer { Id = CustomerId.New(Harness.Start), CreatedAt = Harness.Start, ContactPoints = [ContactPoint.ExternalId("crm", "C-2")] });

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () => await _harness.Merger.MergeAsync(a.Id, b.Id, "agt-7", "same?"));

        Assert.Contains("different external ids in system 'crm'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Merge_MissingOrMergedCustomer_Rejected()
    {
        var a = await _harness.Recorder.RecordInboundAsync(Harness.Email("a@example.com", "m1@example.com"));
        var b = await _harness.Recorder.RecordInboundAsync(Harness.Email("b@example.com", "m2@example.com"));
        var c = await _harness.Recorder.RecordInboundAsync(Harness.Email("c@example.com", "m3@example.com"));
        await _harness.Merger.MergeAsync(a.Customer.Id, b.Customer.Id, "agt-7", "same");

        await Assert.ThrowsAsync<EntityNotFoundException>(async () => await _harness.Merger.MergeAsync(a.Customer.Id, CustomerId.New(Harness.Start), "agt-7", "x"));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await _harness.Merger.MergeAsync(c.Customer.Id, b.Customer.Id, "agt-7", "x"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await _harness.Merger.MergeAsync(a.Customer.Id, c.Customer.Id, " ", "x"));
    }

    [Fact]
    public async Task Undo_AfterSurvivorMergedAgain_Rejected()
    {
        var a = await _harness.Recorder.RecordInboundAsync(Harness.Email("a@example.com", "m1@example.com"));
        var b = await _harness.Recorder.RecordInboundAsync(Harness.Email("b@example.com", "m2@example.com"));
        var c = await _harness.Recorder.RecordInboundAsync(Harness.Email("c@example.com", "m3@example.com"));
        var first = await _harness.Merger.MergeAsync(a.Customer.Id, b.Customer.Id, "agt-7", "same");
        await _harness.Merger.MergeAsync(c.Customer.Id, a.Customer.Id, "agt-7", "same again");

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () => await _harness.Merger.UndoAsync(first.Id, "agt-7", "wrong"));

        Assert.Contains("Undo that merge first", exception.Message, StringComparison.Ordinal);
    }

    [FsCheck.Xunit.Property(MaxTest = 40)]
    public Property MergeThenUndo_IsIdentity() =>
        Prop.ForAll(MergeScenario().ToArbitrary(), scenario =>
        {
            var harness = new Harness();
            var (survivorId, mergedId) = SeedAsync(harness, scenario).GetAwaiter().GetResult();
            var before = SnapshotAsync(harness, survivorId, mergedId).GetAwaiter().GetResult();

            var merge = harness.Merger.MergeAsync(survivorId, mergedId, "agt-1", "property").AsTask().GetAwaiter().GetResult();
            harness.Merger.UndoAsync(merge.Id, "agt-1", "property").AsTask().GetAwaiter().GetResult();

            return before == SnapshotAsync(harness, survivorId, mergedId).GetAwaiter().GetResult();
        });

    private static Gen<(int SurvivorInteractions, int MergedInteractions, int SharedPoint, int MergedPoints)> MergeScenario() =>
        from survivorInteractions in Gen.Choose(0, 4)
        from mergedInteractions in Gen.Choose(0, 6)
        from shared in Gen.Choose(0, 1)
        from mergedPoints in Gen.Choose(0, 3)
        select (survivorInteractions, mergedInteractions, shared, mergedPoints);

    private static async Task<(CustomerId Survivor, CustomerId Merged)> SeedAsync(Harness harness, (int SurvivorInteractions, int MergedInteractions, int SharedPoint, int MergedPoints) scenario)
    {
        var address = ContactPoint.PostalAddress("Hauptstraße 1", "DE");
        var survivor = await harness.Customers.CreateAsync(new Customer
        {
            Id = CustomerId.New(Harness.Start),
            CreatedAt = Harness.Start,
            DisplayName = "Anna",
            ContactPoints = scenario.SharedPoint == 1 ? [ContactPoint.Email("s@example.com"), address] : [ContactPoint.Email("s@example.com")],
        });
        var points = Enumerable.Range(0, scenario.MergedPoints).Select(i => ContactPoint.Phone($"+4930123456{i}")).ToList();
        if (scenario.SharedPoint == 1)
        {
            points.Add(address);
        }

        var merged = await harness.Customers.CreateAsync(new Customer
        {
            Id = CustomerId.New(Harness.Start),
            CreatedAt = Harness.Start,
            DisplayName = "A. Berg",
            ContactPoints = points,
            Preferences = CustomerPreferences.None.WithStatedLanguage("de"),
        });

        for (var i = 0; i < scenario.SurvivorInteractions + scenario.MergedInteractions; i++)
        {
            var owner = i < scenario.SurvivorInteractions ? survivor.Id : merged.Id;
            var at = Harness.Start.Plus(Duration.FromMinutes(i % 3));
            await harness.Recorder.RecordAsync(new Interaction
            {
                Id = InteractionId.New(at),
                Channel = i % 2 == 0 ? Channel.Email : Channel.Phone,
                Direction = InteractionDirection.Inbound,
                Kind = InteractionKind.Message,
                OccurredAt = at,
                RecordedAt = at,
                CustomerId = owner,
            });
        }

        return (survivor.Id, merged.Id);
    }

    private Task<string> SnapshotAsync(CustomerId a, CustomerId b) => SnapshotAsync(_harness, a, b);

    // Everything a merge touches, without versions, which a merge and its undo increase.
    private static async Task<string> SnapshotAsync(Harness harness, CustomerId a, CustomerId b)
    {
        var lines = new List<string>();
        foreach (var id in new[] { a, b })
        {
            var customer = (await harness.Customers.FindAsync(id))!;
            lines.Add($"{customer.Id} {customer.DisplayName} merged:{customer.MergedInto} prefs:{customer.Preferences.Language} points:{string.Join(",", customer.ContactPoints)}");
            lines.AddRange((await harness.Interactions.ListByCustomerAsync(id)).Select(i => $"  {i.Id} {i.CustomerId} {i.ConcernId} {i.Sequence}"));
            lines.AddRange((await harness.Concerns.ListByCustomerAsync(id)).Select(c => $"  {c.Id} {c.CustomerId}"));
        }

        return string.Join('\n', lines);
    }
}
