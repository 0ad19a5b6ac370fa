using System.Text.Json;
using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.Interactions.Privacy;

/// <summary>
/// The data-protection duties for one customer: export of everything stored (access and portability), erasure by
/// anonymization (right to be forgotten), and the consent ledger.
/// </summary>
/// <remarks>
/// <para>
/// Erasure keeps the statistical facts so that metrics stay correct: identifiers, channel, direction, kind,
/// occurred-at and recorded-at, contact reason, language, concern status with its timestamps, and links. It removes
/// every personal value: names, contact points, preferences, subjects, content and attachment references, external
/// and message ids, participants, metadata, and the personal parts of merge records. Customers merged into the erased
/// one are erased with it, since they are the same person. Consent entries stay, because they prove the legal basis
/// of past contacts and hold no personal value besides the customer id.
/// </para>
/// <para>
/// NOTE: the erased customer's contact points in records of other customers, such as a copy recipient of another
/// customer's email, are not found, because the ports have no look-up by participant.
/// </para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public sealed class CustomerPrivacy
{
    /// <summary>The value of the <c>format</c> property of an export.</summary>
    public const string ExportFormat = "customercare.customer-export";

    /// <summary>The reason text that replaces the free text of an erased merge record.</summary>
    public const string ErasedText = "(erased)";

    private readonly ICustomerStore _customers;
    private readonly IInteractionStore _interactions;
    private readonly IConcernStore _concerns;
    private readonly IClock _clock;
    private readonly ILogger _logger;

    /// <summary>Initializes the service.</summary>
    /// <param name="customers">The customer store.</param>
    /// <param name="interactions">The interaction store.</param>
    /// <param name="concerns">The concern store.</param>
    /// <param name="clock">The clock for erasure and export instants.</param>
    /// <param name="logger">The logger; <see langword="null"/> logs nothing.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="logger"/> is null.</exception>
    public CustomerPrivacy(ICustomerStore customers, IInteractionStore interactions, IConcernStore concerns, IClock clock, ILogger<CustomerPrivacy>? logger = null)
    {
        _customers = Guard.NotNull(customers);
        _interactions = Guard.NotNull(interactions);
        _concerns = Guard.NotNull(concerns);
        _clock = Guard.NotNull(clock);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Appends a consent statement to the customer's ledger.</summary>
    /// <param name="entry">The statement.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when appended, <see langword="false"/> when the same entry was stored before.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entry"/> is null.</exception>
    /// <exception cref="EntityNotFoundException">The customer does not exist.</exception>
    public async ValueTask<bool> RecordConsentAsync(ConsentEntry entry, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(entry);
        _ = await _customers.FindAsync(entry.CustomerId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Customer", entry.CustomerId.ToString());
        return await _customers.AppendConsentAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns whether the customer currently consents to <paramref name="purpose"/> on <paramref name="channel"/>.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="purpose">The purpose, such as <c>marketing</c>.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> only when the latest statement for them grants consent.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="purpose"/> is null.</exception>
    public async ValueTask<bool> HasConsentAsync(CustomerId customerId, string purpose, Channel channel, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(purpose);
        var ledger = await _customers.ListConsentAsync(customerId, cancellationToken).ConfigureAwait(false);
        return ConsentEntry.IsGranted(ledger, purpose, channel, _clock.GetCurrentInstant());
    }

    /// <summary>Writes everything stored about a customer as JSON: the customer, consent ledger, concerns, interactions and merges.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="utf8Json">The stream to write UTF-8 JSON to; it stays open.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the export is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="EntityNotFoundException">The customer does not exist.</exception>
    /// <remarks>
    /// Participants of interactions that are not the customer's own contact points, such as agents and copy
    /// recipients, are left out and only counted, so that the export contains no other person's data. The layout is
    /// described in the package documentation; <c>format</c> is <see cref="ExportFormat"/> and <c>version</c> is 1.
    /// </remarks>
    public async Task ExportAsync(CustomerId customerId, Stream utf8Json, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(utf8Json);
        var customer = await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Customer", customerId.ToString());
        var consent = await _customers.ListConsentAsync(customerId, cancellationToken).ConfigureAwait(false);
        var concerns = await _concerns.ListByCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
        var interactions = await _interactions.ListByCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
        var merges = await _customers.ListMergesAsync(customerId, cancellationToken).ConfigureAwait(false);

        var writer = new Utf8JsonWriter(utf8Json, new JsonWriterOptions { Indented = true });
        await using (writer.ConfigureAwait(false))
        {
            CustomerExportWriter.Write(writer, _clock.GetCurrentInstant(), customer, consent, concerns, interactions, merges);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        Log.CustomerExported(_logger, customerId, interactions.Count, concerns.Count);
    }

    /// <summary>Erases a customer's personal data by anonymization, keeping the statistical facts.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was anonymized, and the content references the host must delete.</returns>
    /// <exception cref="EntityNotFoundException">The customer does not exist.</exception>
    /// <exception cref="ConcurrencyConflictException">Records kept changing during the erasure; call again, which continues where it stopped.</exception>
    /// <remarks>Erasing again is safe and finds nothing left to change.</remarks>
    public async ValueTask<ErasureReport> EraseAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var root = await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Customer", customerId.ToString());
        var now = _clock.GetCurrentInstant();

        var targets = await CollectMergedAsync(root.Id, cancellationToken).ConfigureAwait(false);
        var references = new List<string>();
        int interactions = 0, concerns = 0, merges = 0;
        var seenMerges = new HashSet<CustomerMergeId>();
        foreach (var id in targets)
        {
            foreach (var interaction in await _interactions.ListByCustomerAsync(id, cancellationToken).ConfigureAwait(false))
            {
                if (await EraseInteractionAsync(interaction, references, cancellationToken).ConfigureAwait(false))
                {
                    interactions++;
                }
            }

            foreach (var concern in await _concerns.ListByCustomerAsync(id, cancellationToken).ConfigureAwait(false))
            {
                if (concern.Subject is not null || concern.Participants.Count > 0)
                {
                    await _concerns.UpdateAsync(concern with { Subject = null, Participants = [] }, concern.Version, cancellationToken).ConfigureAwait(false);
                    concerns++;
                }
            }

            foreach (var merge in await _customers.ListMergesAsync(id, cancellationToken).ConfigureAwait(false))
            {
                if (seenMerges.Add(merge.Id) && await EraseMergeAsync(merge, now, cancellationToken).ConfigureAwait(false))
                {
                    merges++;
                }
            }

            var customer = await _customers.FindAsync(id, cancellationToken).ConfigureAwait(false);
            if (customer is not null && (customer.ErasedAt is null || customer.DisplayName is not null || customer.ContactPoints.Count > 0))
            {
                await _customers.UpdateAsync(Anonymize(customer, now), customer.Version, cancellationToken).ConfigureAwait(false);
            }
        }

        Log.CustomerErased(_logger, customerId, interactions, concerns, merges);
        return new ErasureReport(targets, interactions, concerns, merges, references);
    }

    private async ValueTask<List<CustomerId>> CollectMergedAsync(CustomerId root, CancellationToken cancellationToken)
    {
        var result = new List<CustomerId> { root };
        for (var i = 0; i < result.Count; i++)
        {
            foreach (var merge in await _customers.ListMergesAsync(result[i], cancellationToken).ConfigureAwait(false))
            {
                if (!merge.IsUndone && merge.SurvivorId == result[i] && !result.Contains(merge.MergedId))
                {
                    result.Add(merge.MergedId);
                }
            }
        }

        return result;
    }

    private async ValueTask<bool> EraseInteractionAsync(Interaction interaction, List<string> references, CancellationToken cancellationToken)
    {
        var personal = interaction.Subject is not null || interaction.ContentReference is not null || interaction.ExternalId is not null
            || interaction.Participants.Count > 0 || interaction.Attachments.Count > 0 || interaction.InReplyTo.Count > 0
            || interaction.References.Count > 0 || interaction.Metadata.Count > 0;
        if (!personal)
        {
            return false;
        }

        if (interaction.ContentReference is { } content)
        {
            references.Add(content);
        }

        references.AddRange(interaction.Attachments);
        var anonymized = interaction with
        {
            Subject = null,
            ContentReference = null,
            ExternalId = null,
            Participants = [],
            Attachments = [],
            InReplyTo = [],
            References = [],
            Metadata = new Dictionary<string, string>(),
        };
        await _interactions.UpdateAsync(anonymized, interaction.Version, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async ValueTask<bool> EraseMergeAsync(CustomerMerge merge, Instant now, CancellationToken cancellationToken)
    {
        if (merge.MergedSnapshot.ErasedAt is not null && merge.MovedContactPoints.Count == 0)
        {
            return false;
        }

        var erased = merge with
        {
            Reason = ErasedText,
            UndoReason = merge.UndoReason is null ? null : ErasedText,
            MergedSnapshot = Anonymize(merge.MergedSnapshot, now),
            MovedContactPoints = [],
        };
        await _customers.SaveMergeAsync(erased, merge.Version, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static Customer Anonymize(Customer customer, Instant now) => customer with
    {
        DisplayName = null,
        ContactPoints = [],
        Preferences = CustomerPreferences.None,
        ErasedAt = customer.ErasedAt ?? now,
    };
}
