using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using NodaTime;

namespace CustomerCare.Storage.PostgreSql.Tests.Interactions;

/// <summary>PostgreSQL text cannot hold NUL, so the stores reject it in typed text columns before writing anything.</summary>
public sealed class PostgreSqlNulTextTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    private readonly InteractionsDatabase _database = new(server);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _database.InitializeAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Record_NulInExternalId_ThrowsBeforeWriting()
    {
        var store = new PostgreSqlInteractionStore(_database.Options(), InteractionsDatabase.MigrationClock);
        var interaction = new Interaction
        {
            Id = InteractionId.New(Start),
            Channel = Channel.Email,
            Direction = InteractionDirection.Inbound,
            Kind = InteractionKind.Message,
            OccurredAt = Start,
            RecordedAt = Start,
            CustomerId = CustomerId.New(Start),
            ExternalId = "m1\0@example.com",
        };

        var exception = await Assert.ThrowsAsync<ArgumentException>(async () => await store.RecordAsync(interaction, Cancel));

        Assert.Contains("NUL character", exception.Message, StringComparison.Ordinal);
        Assert.Null(await store.FindAsync(interaction.Id, Cancel));
        Assert.Null(await store.FindByExternalIdAsync(Channel.Email, "m1\0@example.com", Cancel));
    }

    [Fact]
    public async Task Create_NulInIdempotencyKey_ThrowsBeforeWriting()
    {
        var store = new PostgreSqlConcernStore(_database.Options(), InteractionsDatabase.MigrationClock);
        var concern = new Concern { Id = ConcernId.New(Start), CustomerId = CustomerId.New(Start), OpenedAt = Start, LastActivityAt = Start };

        var exception = await Assert.ThrowsAsync<ArgumentException>(async () => await store.CreateAsync(concern, "key\0one", Cancel));

        Assert.Equal("idempotencyKey", exception.ParamName);
        Assert.Null(await store.FindAsync(concern.Id, Cancel));
    }
}
