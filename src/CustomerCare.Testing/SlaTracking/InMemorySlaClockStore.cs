using CustomerCare.Core;
using CustomerCare.SlaTracking;

namespace CustomerCare.Testing.SlaTracking;

/// <summary>An <see cref="ISlaClockStore"/> in memory, for tests and single-process hosts without a database.</summary>
/// <remarks>
/// Every operation holds one lock, so the version check and the write happen together. Instants are truncated to whole
/// microseconds, as the SQL stores keep them (see <see cref="Precision"/>). It passes
/// <see cref="SlaClockStoreConformanceTests"/>. This type is thread-safe.
/// </remarks>
public sealed class InMemorySlaClockStore : ISlaClockStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ConcernId, SlaClockRecord> _records = [];

    /// <inheritdoc/>
    public Task<SlaClockRecord?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default)
    {
        Guard.NotDefault(concernId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_records.GetValueOrDefault(concernId));
        }
    }

    /// <inheritdoc/>
    public Task<SlaClockRecord> SaveAsync(SlaClockRecord record, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(record);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();

        lock (_lock)
        {
            var stored = _records.GetValueOrDefault(record.ConcernId)?.Version;
            if ((stored ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException("SLA clocks", record.ConcernId.ToString(), expectedVersion, stored);
            }

            var saved = new SlaClockRecord(
                record.ConcernId,
                record.Priority,
                record.Tier,
                record.Entries.Select(e => e with { At = Precision.ToMicroseconds(e.At) }),
                expectedVersion + 1);
            _records[record.ConcernId] = saved;
            return Task.FromResult(saved);
        }
    }
}
