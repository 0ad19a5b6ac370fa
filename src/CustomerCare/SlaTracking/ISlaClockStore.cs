using CustomerCare.Core;

namespace CustomerCare.SlaTracking;

/// <summary>
/// Keeps the SLA clock history of each concern: the events that started, paused, resumed and stopped its targets.
/// The service desk computes each clock from this history with <see cref="Sla.Clocks.SlaClock"/>.
/// </summary>
/// <remarks>
/// <para>
/// Concurrency: optimistic versions. A new record has version 0; the first save stores version 1 and each later save
/// adds 1. <see cref="SaveAsync"/> with a stale expected version throws <see cref="ConcurrencyConflictException"/> with
/// the expected and the stored version and changes nothing; expected version 0 means "must not exist yet".
/// </para>
/// <para>
/// Idempotency is the caller's: the service desk appends events only for applied procedure transitions, whose
/// idempotency keys the procedure store enforces. Instants are kept to the microsecond. Implementations are
/// thread-safe; <c>SlaClockStoreConformanceTests</c> in <c>CustomerCare.Testing</c> checks these rules.
/// </para>
/// </remarks>
public interface ISlaClockStore
{
    /// <summary>Finds the SLA clock record of a concern.</summary>
    /// <param name="concernId">The concern.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record, or null when the concern has none.</returns>
    /// <exception cref="ArgumentException"><paramref name="concernId"/> is the default value.</exception>
    Task<SlaClockRecord?> FindAsync(ConcernId concernId, CancellationToken cancellationToken = default);

    /// <summary>Stores a record if the stored version is still <paramref name="expectedVersion"/>.</summary>
    /// <param name="record">The record to store; its <see cref="SlaClockRecord.Version"/> is ignored.</param>
    /// <param name="expectedVersion">The version read before the change, or 0 for a new record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored record with its new version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    /// <exception cref="ConcurrencyConflictException">The stored version differs from <paramref name="expectedVersion"/>.</exception>
    Task<SlaClockRecord> SaveAsync(SlaClockRecord record, long expectedVersion, CancellationToken cancellationToken = default);
}
