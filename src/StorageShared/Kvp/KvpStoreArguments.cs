using System.Globalization;
using CustomerCare.Kvp.Ideas;
using NodaTime;

namespace CustomerCare.Storage.Kvp;

/// <summary>The argument checks and continuation tokens that the SQL stores of ideas and problem records share.</summary>
internal static class KvpStoreArguments
{
    /// <summary>The maximum length of an idempotency key, as <see cref="IIdeaStore.SubmitAsync"/> states it.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The largest page size of a listing.</summary>
    public const int MaxPageSize = 1000;

    // NodaTime's range of instants in whole microseconds, so a forged token cannot name an instant outside it.
    private static readonly long MinMicroseconds = Instant.MinValue.ToUnixTimeTicks() / 10;
    private static readonly long MaxMicroseconds = Instant.MaxValue.ToUnixTimeTicks() / 10;

    public static void RequireExpectedVersion(long expectedVersion, string entity)
    {
        if (expectedVersion < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(expectedVersion), expectedVersion, $"The expected version is 0 for a new {entity} or the version that was read.");
        }
    }

    public static void RequireSubmission(ImprovementIdea idea, string idempotencyKey)
    {
        Guard.NotNull(idea);
        Guard.NotNullOrWhiteSpace(idempotencyKey);
        if (idempotencyKey.Length > MaxKeyLength)
        {
            throw new ArgumentException($"The idempotency key has {idempotencyKey.Length} characters and the maximum is {MaxKeyLength}. Use a shorter key, such as a hash.", nameof(idempotencyKey));
        }

        if (idempotencyKey.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The idempotency key contains the NUL character (U+0000), which PostgreSQL text cannot store. Remove it or use a hash of the key.", nameof(idempotencyKey));
        }

        if (idea.Version != 0)
        {
            throw new ArgumentException($"A submitted idea must be new (version 0), but {idea.Id} has version {idea.Version}. Use SaveAsync to change a stored idea.", nameof(idea));
        }
    }

    public static void RequirePageSize(int pageSize)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"The page size must be between 1 and {MaxPageSize}.");
        }
    }

    /// <summary>Returns the token that names the last item of a page: its instant in microseconds and its identifier.</summary>
    public static string FormatToken(Instant instant, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"{instant.ToUnixTimeTicks() / 10}:{id:N}");

    /// <summary>Returns the position a token names, or null for the first page.</summary>
    /// <exception cref="ArgumentException">The token was not issued by <see cref="FormatToken"/>.</exception>
    public static (Instant Instant, Guid Id)? ParseToken(string? token)
    {
        if (token is null)
        {
            return null;
        }

        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0
            && long.TryParse(token.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var microseconds)
            && microseconds >= MinMicroseconds && microseconds <= MaxMicroseconds
            && Guid.TryParseExact(token.AsSpan(colon + 1), "N", out var id))
        {
            return (Instant.FromUnixTimeTicks(microseconds * 10), id);
        }

        throw new ArgumentException($"'{token}' is not a continuation token of this store. Pass the token of the previous page, or null for the first page.", nameof(token));
    }
}
