using System.Globalization;
using NodaTime;

namespace CustomerCare.Testing.Kvp;

/// <summary>
/// Keyset paging over (instant, identifier) for the in-memory stores: a continuation token names the last item of the
/// previous page, so items inserted meanwhile neither repeat nor shift a page.
/// </summary>
internal static class KeysetPaging
{
    public static StorePageResult<T> Page<T>(IEnumerable<T> matching, Func<T, Instant> instant, Func<T, Guid> id, int pageSize, string? token)
    {
        if (pageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "The page size must be between 1 and 1000.");
        }

        var ordered = matching.OrderBy(instant).ThenBy(id);
        IEnumerable<T> after = ordered;
        if (token is not null)
        {
            var (afterInstant, afterId) = Parse(token);
            after = ordered.Where(item => instant(item) > afterInstant || (instant(item) == afterInstant && id(item).CompareTo(afterId) > 0));
        }

        var page = after.Take(pageSize + 1).ToList();
        var more = page.Count > pageSize;
        if (more)
        {
            page.RemoveAt(pageSize);
        }

        var next = more ? Format(instant(page[^1]), id(page[^1])) : null;
        return new StorePageResult<T>(page, next);
    }

    private static string Format(Instant instant, Guid id) =>
        string.Create(CultureInfo.InvariantCulture, $"{instant.ToUnixTimeTicks()}:{id:N}");

    private static (Instant Instant, Guid Id) Parse(string token)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0
            && long.TryParse(token.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ticks)
            && Guid.TryParseExact(token.AsSpan(colon + 1), "N", out var id))
        {
            return (Instant.FromUnixTimeTicks(ticks), id);
        }

        throw new ArgumentException($"'{token}' is not a continuation token of this store. Pass the token of the previous page, or null for the first page.", nameof(token));
    }
}

/// <summary>A page and the token of the next one.</summary>
internal readonly record struct StorePageResult<T>(List<T> Items, string? ContinuationToken);
