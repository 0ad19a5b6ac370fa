using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Interactions.Timeline;

/// <summary>A request for one page of a customer's timeline, with optional filters.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed record TimelineQuery
{
    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The maximum page size.</summary>
    public const int MaxPageSize = 500;

    private readonly IReadOnlyList<Channel> _channels = [];

    /// <summary>Initializes a query for <paramref name="customerId"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is default.</exception>
    public TimelineQuery(CustomerId customerId)
    {
        CustomerId = Guard.NotDefault(customerId);
    }

    /// <summary>Gets the customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>Gets the channels to include; empty (the default) includes every channel.</summary>
    public IReadOnlyList<Channel> Channels
    {
        get => _channels;
        init => _channels = [.. Guard.NotNull(value)];
    }

    /// <summary>Gets the concern to include, or <see langword="null"/> (the default) for every concern and none.</summary>
    public ConcernId? ConcernId { get; init; }

    /// <summary>Gets the earliest occurred-at to include, inclusive, or <see langword="null"/> (the default) for no limit.</summary>
    public Instant? From { get; init; }

    /// <summary>Gets the occurred-at to stop before, exclusive, or <see langword="null"/> (the default) for no limit.</summary>
    public Instant? To { get; init; }

    /// <summary>Gets the reading direction; <see cref="TimelineOrder.NewestFirst"/> by default.</summary>
    public TimelineOrder Order { get; init; }

    /// <summary>Gets the maximum number of interactions per page, 1 to <see cref="MaxPageSize"/>; <see cref="DefaultPageSize"/> by default.</summary>
    public int PageSize { get; init; } = DefaultPageSize;

    /// <summary>Gets the token from the previous page, or <see langword="null"/> for the first page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Checks the query and decodes its continuation token.</summary>
    /// <returns>The position after which the page starts, or <see langword="null"/> for the first page.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PageSize"/> is outside 1 to <see cref="MaxPageSize"/>.</exception>
    /// <exception cref="ArgumentException"><see cref="To"/> is not after <see cref="From"/>, a channel is default, or the token is invalid or was issued for the other order.</exception>
    public TimelineKey? Validate()
    {
        Guard.InRange(PageSize, 1, MaxPageSize, nameof(PageSize));
        if (From is { } from && To is { } to && to <= from)
        {
            throw new ArgumentException($"The range end {to} must be after its start {from}.", nameof(To));
        }

        if (ConcernId == default(ConcernId))
        {
            throw new ArgumentException("ConcernId is default(ConcernId). Pass null to include every concern.", nameof(ConcernId));
        }

        foreach (var channel in _channels)
        {
            Guard.NotDefault(channel, nameof(Channels));
        }

        if (ContinuationToken is null)
        {
            return null;
        }

        var cursor = TimelineCursor.Parse(ContinuationToken);
        if (cursor.Order != Order)
        {
            throw new ArgumentException(
                $"The continuation token was issued for order {cursor.Order}, but the query asks for {Order}. Keep the order while paging, or start again without a token.",
                nameof(ContinuationToken));
        }

        return cursor.After;
    }

    /// <summary>Returns whether <paramref name="interaction"/> passes the channel, concern and range filters.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <returns><see langword="true"/> when it belongs on the page.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interaction"/> is null.</exception>
    public bool Matches(Interaction interaction)
    {
        Guard.NotNull(interaction);
        if (ConcernId is { } concern && interaction.ConcernId != concern)
        {
            return false;
        }

        if (From is { } from && interaction.OccurredAt < from)
        {
            return false;
        }

        if (To is { } to && interaction.OccurredAt >= to)
        {
            return false;
        }

        if (_channels.Count == 0)
        {
            return true;
        }

        foreach (var channel in _channels)
        {
            if (channel == interaction.Channel)
            {
                return true;
            }
        }

        return false;
    }
}
