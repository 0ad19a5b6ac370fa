using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Interactions.Privacy;

/// <summary>
/// One entry of a customer's consent ledger: for which purpose and channel consent was granted or withdrawn, when, and
/// where the statement came from. Entries are only ever appended; the latest entry for a purpose and channel wins.
/// </summary>
/// <remarks>This type is immutable and thread-safe. Equality compares every property.</remarks>
public sealed record ConsentEntry
{
    /// <summary>Initializes an entry.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="purpose">The purpose, following the channel naming rules, such as <c>marketing</c> or <c>surveys</c>.</param>
    /// <param name="channel">The channel the consent covers.</param>
    /// <param name="status">Granted or withdrawn.</param>
    /// <param name="at">When the customer made the statement.</param>
    /// <param name="source">Where the statement came from, following the channel naming rules, such as <c>web-form</c> or <c>call</c>.</param>
    /// <param name="textVersion">The version of the consent text the customer saw, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">An identifier or channel is default, a name breaks the naming rules, or <paramref name="status"/> is not defined.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="purpose"/> or <paramref name="source"/> is null.</exception>
    public ConsentEntry(CustomerId customerId, string purpose, Channel channel, ConsentStatus status, Instant at, string source, string? textVersion = null)
    {
        CustomerId = Guard.NotDefault(customerId);
        Purpose = NormalizeName(Guard.NotNull(purpose), nameof(purpose));
        Channel = Guard.NotDefault(channel);
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentException($"Consent status {(int)status} is not defined. Use Granted or Withdrawn.", nameof(status));
        }

        Status = status;
        At = at;
        Source = NormalizeName(Guard.NotNull(source), nameof(source));
        TextVersion = textVersion;
    }

    /// <summary>Gets the customer.</summary>
    public CustomerId CustomerId { get; }

    /// <summary>Gets the purpose, such as <c>marketing</c>.</summary>
    public string Purpose { get; }

    /// <summary>Gets the channel the consent covers.</summary>
    public Channel Channel { get; }

    /// <summary>Gets whether consent was granted or withdrawn.</summary>
    public ConsentStatus Status { get; }

    /// <summary>Gets when the customer made the statement.</summary>
    public Instant At { get; }

    /// <summary>Gets where the statement came from, such as <c>web-form</c>.</summary>
    public string Source { get; }

    /// <summary>Gets the version of the consent text the customer saw, or <see langword="null"/>.</summary>
    public string? TextVersion { get; }

    /// <summary>Returns whether the latest entry for <paramref name="purpose"/> and <paramref name="channel"/> at or before <paramref name="at"/> grants consent.</summary>
    /// <param name="ledger">The customer's entries in any order.</param>
    /// <param name="purpose">The purpose, such as <c>marketing</c>.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="at">The instant to evaluate, usually now.</param>
    /// <returns><see langword="true"/> only when such an entry exists and is <see cref="ConsentStatus.Granted"/>; no entry means no consent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ledger"/> or <paramref name="purpose"/> is null.</exception>
    public static bool IsGranted(IEnumerable<ConsentEntry> ledger, string purpose, Channel channel, Instant at)
    {
        Guard.NotNull(ledger);
        var normalized = NormalizeName(Guard.NotNull(purpose), nameof(purpose));
        ConsentEntry? latest = null;
        foreach (var entry in ledger)
        {
            if (entry.Channel == channel && entry.At <= at && string.Equals(entry.Purpose, normalized, StringComparison.Ordinal)
                && (latest is null || entry.At >= latest.At))
            {
                latest = entry;
            }
        }

        return latest?.Status == ConsentStatus.Granted;
    }

    private static string NormalizeName(string name, string paramName) =>
        NameToken.TryNormalize(name, out var normalized, out var reason)
            ? normalized
            : throw new ArgumentException($"'{name}' is not a valid name because {reason}. Use a name such as 'marketing'.", paramName);
}
