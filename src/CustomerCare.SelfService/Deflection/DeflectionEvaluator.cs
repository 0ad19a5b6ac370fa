using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// Decides whether accepted self-service answers count as deflections: only when no new contact about the same
/// concern follows within the channel's window.
/// </summary>
/// <remarks>
/// <para>
/// A later contact is about the same concern when both carry a concern id and the ids are equal; otherwise when it
/// comes from the same customer and its intent equals the answered intent or lies above or below it in the
/// taxonomy. A contact without an intent from the same customer counts as the same concern: without a reason to
/// believe otherwise, a quick return suggests the answer did not help, and a deflection rate that is too low is
/// safer than one that is too high.
/// </para>
/// <para>
/// Answers of anonymous visitors cannot be linked to later contacts; they count as deflected once the window
/// closes. A contact exactly at the end of the window still fails the answer.
/// This type is immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class DeflectionEvaluator
{
    /// <summary>Initializes an evaluator.</summary>
    /// <param name="windows">The windows per channel; <see cref="DeflectionWindows.Default"/> when null.</param>
    public DeflectionEvaluator(DeflectionWindows? windows = null)
    {
        Windows = windows ?? DeflectionWindows.Default;
    }

    /// <summary>Gets the windows per channel.</summary>
    public DeflectionWindows Windows { get; }

    /// <summary>Decides one accepted answer.</summary>
    /// <param name="resolution">The accepted answer.</param>
    /// <param name="laterContacts">The customer's contacts; those before the answer or after the window are ignored.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="resolution"/> or <paramref name="laterContacts"/> is null or contains null.</exception>
    public DeflectionOutcome Evaluate(SelfServiceResolution resolution, IEnumerable<FollowUpContact> laterContacts, Instant now)
    {
        Guard.NotNull(resolution);
        Guard.NoNullElements(laterContacts);

        var end = resolution.ResolvedAt + Windows.For(resolution.Channel);
        foreach (var contact in laterContacts)
        {
            if (contact.At > resolution.ResolvedAt && contact.At <= end && contact.At <= now && IsSameConcern(resolution, contact))
            {
                return DeflectionOutcome.Failed;
            }
        }

        return now > end ? DeflectionOutcome.Deflected : DeflectionOutcome.Pending;
    }

    /// <summary>Decides many accepted answers and counts the outcomes.</summary>
    /// <param name="resolutions">The accepted answers.</param>
    /// <param name="contacts">The contacts of the same period, of any customers.</param>
    /// <param name="now">The current instant.</param>
    /// <returns>The counts by outcome.</returns>
    /// <exception cref="ArgumentNullException">An argument is null or contains null.</exception>
    public DeflectionSummary Summarize(IEnumerable<SelfServiceResolution> resolutions, IEnumerable<FollowUpContact> contacts, Instant now)
    {
        Guard.NoNullElements(resolutions);
        var byCustomer = Guard.NoNullElements(contacts).ToLookup(c => c.Customer);

        int deflected = 0, failed = 0, pending = 0;
        foreach (var resolution in resolutions)
        {
            var candidates = resolution.Customer is { } customer ? byCustomer[customer] : [];
            switch (Evaluate(resolution, candidates, now))
            {
                case DeflectionOutcome.Deflected:
                    deflected++;
                    break;
                case DeflectionOutcome.Failed:
                    failed++;
                    break;
                default:
                    pending++;
                    break;
            }
        }

        return new DeflectionSummary(deflected, failed, pending);
    }

    private static bool IsSameConcern(SelfServiceResolution resolution, FollowUpContact contact)
    {
        if (resolution.Concern is { } concern && contact.Concern is { } other)
        {
            return concern == other;
        }

        if (resolution.Customer != contact.Customer)
        {
            return false;
        }

        return contact.Intent is not { } intent || intent.IsWithin(resolution.Intent) || resolution.Intent.IsWithin(intent);
    }
}
