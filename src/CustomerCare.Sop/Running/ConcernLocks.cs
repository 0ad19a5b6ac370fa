using CustomerCare.Core;

namespace CustomerCare.Sop;

/// <summary>
/// Serializes operations on the same concern within one process, so they never interleave.
/// </summary>
/// <remarks>
/// Concerns share a fixed set of semaphores by hash, so memory stays bounded and an uncontended wait allocates
/// nothing; two concerns that share a semaphore only wait for each other. Across processes the store's optimistic
/// versions take over.
/// </remarks>
internal sealed class ConcernLocks
{
    private const int StripeCount = 256;

    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async ValueTask<Releaser> AcquireAsync(ConcernId concernId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(concernId.GetHashCode() & int.MaxValue) % StripeCount];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(stripe);
    }

    internal readonly struct Releaser(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
