using CustomerCare.Core;
using CustomerCare.Interactions.Timeline;
using CustomerCare.Testing.Interactions;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;

namespace CustomerCare.Interactions.Tests.Timeline;

public class TimelineOrderTests
{
    // Few distinct instants, so that equal timestamps are common.
    private static readonly Gen<Instant> Instants = Gen.Choose(0, 4).Select(m => Harness.Start.Plus(Duration.FromMinutes(m)));

    private static readonly Gen<TimelineKey> Keys =
        from occurred in Instants
        from recorded in Instants
        from sequence in Gen.Choose(1, 50)
        select new TimelineKey(occurred, recorded, sequence);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property CompareTo_IsATotalOrder() =>
        Prop.ForAll(Keys.ToArbitrary(), Keys.ToArbitrary(), Keys.ToArbitrary(), (a, b, c) =>
        {
            var antisymmetric = Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a));
            var transitive = !(a <= b && b <= c) || a <= c;
            var equalOnlyWhenSame = (a.CompareTo(b) == 0) == (a == b);
            return antisymmetric && transitive && equalOnlyWhenSame;
        });

    [FsCheck.Xunit.Property(MaxTest = 60)]
    public Property Store_OrdersByOccurredRecordedSequenceWhateverTheInsertionOrder() =>
        Prop.ForAll(Gen.ListOf(Gen.Zip(Instants, Instants)).ToArbitrary(), times =>
        {
            var store = new InMemoryInteractionStore();
            var customer = CustomerId.New(Harness.Start);
            var recorded = new List<Interaction>();
            foreach (var (occurred, recordedAt) in times)
            {
                recorded.Add(store.RecordAsync(NewInteraction(customer, occurred, recordedAt)).AsTask().GetAwaiter().GetResult().Interaction);
            }

            // The slow reference model: sort by the tuple, then by the order of recording.
            var expected = recorded.OrderBy(i => i.OccurredAt).ThenBy(i => i.RecordedAt).ThenBy(i => i.Sequence).Select(i => i.Id).ToArray();
            var oldestFirst = ReadAll(store, customer, TimelineOrder.OldestFirst, pageSize: 3);
            var newestFirst = ReadAll(store, customer, TimelineOrder.NewestFirst, pageSize: 2);
            var again = ReadAll(store, customer, TimelineOrder.OldestFirst, pageSize: 7);

            return expected.SequenceEqual(oldestFirst) && expected.Reverse().SequenceEqual(newestFirst) && oldestFirst.SequenceEqual(again);
        });

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property Cursor_RoundTrips() =>
        Prop.ForAll(Keys.ToArbitrary(), Gen.Elements(TimelineOrder.OldestFirst, TimelineOrder.NewestFirst).ToArbitrary(), (key, order) =>
            TimelineCursor.Parse(new TimelineCursor(key, order).ToToken()) == new TimelineCursor(key, order));

    [Fact]
    public void Cursor_ExtremeInstantsAndNanoseconds_RoundTrip()
    {
        var keys = new[]
        {
            new TimelineKey(Instant.MinValue, Instant.MaxValue, long.MaxValue),
            new TimelineKey(Harness.Start.PlusNanoseconds(1), Harness.Start.PlusNanoseconds(999), 1),
        };

        foreach (var key in keys)
        {
            Assert.Equal(key, TimelineCursor.Parse(new TimelineCursor(key, TimelineOrder.NewestFirst).ToToken()).After);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAA")]
    [InlineData("not a token at all")]
    [InlineData("AgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Cursor_Garbage_Rejected(string token)
    {
        var exception = Assert.Throws<ArgumentException>(() => TimelineCursor.Parse(token));

        Assert.Contains("token", exception.Message, StringComparison.Ordinal);
    }

    private static InteractionId[] ReadAll(InMemoryInteractionStore store, CustomerId customer, TimelineOrder order, int pageSize)
    {
        var ids = new List<InteractionId>();
        string? token = null;
        do
        {
            var page = store.GetTimelineAsync(new TimelineQuery(customer) { Order = order, PageSize = pageSize, ContinuationToken = token }).AsTask().GetAwaiter().GetResult();
            ids.AddRange(page.Items.Select(i => i.Id));
            token = page.ContinuationToken;
        }
        while (token is not null);
        return [.. ids];
    }

    private static Interaction NewInteraction(CustomerId customer, Instant occurredAt, Instant recordedAt) => new()
    {
        Id = InteractionId.New(recordedAt),
        Channel = Channel.Email,
        Direction = InteractionDirection.Inbound,
        Kind = InteractionKind.Message,
        OccurredAt = occurredAt,
        RecordedAt = recordedAt,
        CustomerId = customer,
    };
}
