using System.Security.Cryptography;
using System.Text;
using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Identity;
using CustomerCare.Interactions.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.Interactions;

/// <summary>
/// Records contacts and transactions: resolves the customer of an inbound contact, threads it into a concern,
/// carries out the threading decision and stores the interaction.
/// </summary>
/// <remarks>
/// <para>
/// Recording is idempotent on (channel, external id), also when several threads or host instances record the same
/// message at once. All of them return the same interaction. Exactly one concern is created for it, because concern
/// creation uses the same key. A concurrent write to the chosen concern makes the recorder thread
/// the contact again, up to five times, before the <see cref="ConcurrencyConflictException"/> reaches the caller.
/// </para>
/// <para>
/// A contact with no exact identity match creates a new customer with those of its contact points that no other
/// customer has. A probable match is reported in <see cref="RecordingResult.Identity"/> but not followed, because a
/// wrong probable match would show one person's history to another; a person confirms it by merging.
/// </para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public sealed class InteractionRecorder
{
    private const int MaxAttempts = 5;

    // Stands in for the customer while an inbound contact is validated, before any write; never stored.
    private static readonly CustomerId Unresolved = new(Guid.AllBitsSet);

    private readonly ICustomerStore _customers;
    private readonly IInteractionStore _interactions;
    private readonly IConcernStore _concerns;
    private readonly ThreadingPipeline _pipeline;
    private readonly IdentityResolver _resolver;
    private readonly IClock _clock;
    private readonly ILogger _logger;

    /// <summary>Initializes a recorder.</summary>
    /// <param name="customers">The customer store.</param>
    /// <param name="interactions">The interaction store.</param>
    /// <param name="concerns">The concern store.</param>
    /// <param name="pipeline">The threading pipeline, usually <see cref="ThreadingPipeline.CreateDefault"/> over the same stores.</param>
    /// <param name="clock">The clock for recording instants.</param>
    /// <param name="logger">The logger; <see langword="null"/> logs nothing.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="logger"/> is null.</exception>
    public InteractionRecorder(
        ICustomerStore customers,
        IInteractionStore interactions,
        IConcernStore concerns,
        ThreadingPipeline pipeline,
        IClock clock,
        ILogger<InteractionRecorder>? logger = null)
    {
        _customers = Guard.NotNull(customers);
        _interactions = Guard.NotNull(interactions);
        _concerns = Guard.NotNull(concerns);
        _pipeline = Guard.NotNull(pipeline);
        _clock = Guard.NotNull(clock);
        _resolver = new IdentityResolver(customers);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Records an inbound contact: resolves its customer, threads it into a concern and stores it.</summary>
    /// <param name="contact">The contact as the channel adapter delivers it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The interaction, customer and concern, with the identity match and every threading step's reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    /// <exception cref="ArgumentException">No contact point identifies the sender.</exception>
    /// <exception cref="CustomerCareValidationException">A property of the contact is invalid; the errors name each one.</exception>
    /// <exception cref="ConcurrencyConflictException">Concurrent writes to the same concern kept winning for five attempts.</exception>
    public async ValueTask<RecordingResult> RecordInboundAsync(InboundContact contact, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(contact);
        var now = _clock.GetCurrentInstant();
        var draft = CreateDraft(contact, now);
        draft.Validate();
        var identifying = contact.IdentifyingContactPoints();
        if (identifying.Count == 0)
        {
            throw new ArgumentException("No contact point identifies the sender. Add a From participant or set Identity.", nameof(contact));
        }

        if (contact.ExternalId is { } externalId
            && await _interactions.FindByExternalIdAsync(contact.Channel, externalId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return await DuplicateAsync(known, cancellationToken).ConfigureAwait(false);
        }

        var (customer, match, created) = await ResolveCustomerAsync(identifying, contact, now, cancellationToken).ConfigureAwait(false);
        draft = draft with { CustomerId = customer.Id };

        ConcurrencyConflictException? lastConflict = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var outcome = await _pipeline.DecideAsync(new ThreadingContext(draft, contact.BodyText, now), cancellationToken).ConfigureAwait(false);
            if (outcome.Action == ThreadingAction.Duplicate)
            {
                var existing = await _interactions.FindAsync(outcome.DuplicateOf!.Value, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    return await DuplicateAsync(existing, cancellationToken).ConfigureAwait(false);
                }
            }

            if (outcome.Steps.Any(s => s.Decision.Reason.Contains("signature is not valid", StringComparison.Ordinal)))
            {
                Log.InvalidReferenceTokenIgnored(_logger, draft.Id, draft.Channel.Name);
            }

            Concern concern;
            try
            {
                concern = await ApplyAsync(outcome, draft, now, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException conflict)
            {
                lastConflict = conflict;
                Log.RecordingRetried(_logger, draft.Channel.Name, attempt);
                continue;
            }

            var recorded = await _interactions.RecordAsync(draft with { ConcernId = concern.Id }, cancellationToken).ConfigureAwait(false);
            if (recorded.WasDuplicate)
            {
                return await DuplicateAsync(recorded.Interaction, cancellationToken).ConfigureAwait(false);
            }

            Log.InteractionRecorded(_logger, recorded.Interaction.Id, draft.Channel.Name, customer.Id, concern.Id, outcome.Action);
            return new RecordingResult(recorded.Interaction, customer, concern, match, outcome, wasDuplicate: false, created);
        }

        throw lastConflict!;
    }

    /// <summary>
    /// Records an interaction whose customer is known, such as an outbound reply, an order, a payment or a note, and
    /// marks activity on its concern.
    /// </summary>
    /// <param name="interaction">The interaction, with version and sequence 0. A customer that was merged is replaced by the survivor, and a merged concern by the one it was merged into.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored interaction, or the one recorded before with the same channel and external id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="interaction"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">A property is invalid.</exception>
    /// <exception cref="EntityNotFoundException">The customer or the concern does not exist.</exception>
    /// <exception cref="InvalidOperationException">The customer was erased.</exception>
    /// <exception cref="ConcurrencyConflictException">Concurrent writes to the concern kept winning for five attempts.</exception>
    public async ValueTask<RecordResult> RecordAsync(Interaction interaction, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(interaction);
        interaction.Validate();

        var customer = await FindActiveCustomerAsync(interaction.CustomerId, cancellationToken).ConfigureAwait(false);
        interaction = interaction with { CustomerId = customer.Id };
        if (interaction.ExternalId is { } externalId
            && await _interactions.FindByExternalIdAsync(interaction.Channel, externalId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return new RecordResult(known, WasDuplicate: true);
        }

        if (interaction.ConcernId is { } concernId)
        {
            var concern = await TouchConcernAsync(concernId, interaction, cancellationToken).ConfigureAwait(false);
            interaction = interaction with { ConcernId = concern.Id };
        }

        var result = await _interactions.RecordAsync(interaction, cancellationToken).ConfigureAwait(false);
        if (!result.WasDuplicate)
        {
            Log.InteractionRecorded(_logger, result.Interaction.Id, interaction.Channel.Name, customer.Id, interaction.ConcernId, null);
        }

        return result;
    }

    /// <summary>Learns the customer's preferred channel and language from the interactions, keeping stated preferences.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored customer, changed or not.</returns>
    /// <exception cref="EntityNotFoundException">The customer does not exist.</exception>
    /// <exception cref="ConcurrencyConflictException">The customer changed meanwhile; call again.</exception>
    public async ValueTask<Customer> LearnPreferencesAsync(CustomerId customerId, CancellationToken cancellationToken = default)
    {
        var customer = await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Customer", customerId.ToString());
        var history = await _interactions.ListByCustomerAsync(customerId, cancellationToken).ConfigureAwait(false);
        var learned = customer.Preferences.Learn(history);
        return ReferenceEquals(learned, customer.Preferences)
            ? customer
            : await _customers.UpdateAsync(customer with { Preferences = learned }, customer.Version, cancellationToken).ConfigureAwait(false);
    }

    private static Interaction CreateDraft(InboundContact contact, Instant now)
    {
        var recordedAt = contact.RecordedAt ?? now;
        return new Interaction
        {
            Id = contact.Id ?? InteractionId.New(recordedAt),
            Channel = contact.Channel,
            Direction = InteractionDirection.Inbound,
            Kind = contact.Kind,
            OccurredAt = contact.OccurredAt,
            RecordedAt = recordedAt,
            CustomerId = Unresolved,
            Subject = contact.Subject,
            ContactReason = contact.ContactReason,
            ContentReference = contact.ContentReference,
            Language = contact.Language is null ? null : CustomerPreferences.NormalizeLanguage(contact.Language),
            ExternalId = contact.ExternalId,
            Participants = contact.Participants,
            Attachments = contact.Attachments,
            InReplyTo = contact.InReplyTo,
            References = contact.References,
            Metadata = contact.Metadata,
        };
    }

    private async ValueTask<(Customer Customer, IdentityMatch Match, bool Created)> ResolveCustomerAsync(
        IReadOnlyList<ContactPoint> identifying, InboundContact contact, Instant now, CancellationToken cancellationToken)
    {
        ContactPointInUseException? lastConflict = null;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var match = await _resolver.ResolveAsync(identifying, cancellationToken).ConfigureAwait(false);
            if (match.Confidence == MatchConfidence.Exact)
            {
                return (match.Customer!, match, false);
            }

            // Contact points another customer has stay with that customer: the store keeps them unique.
            var free = new List<ContactPoint>(identifying.Count);
            foreach (var point in identifying)
            {
                if (point.Kind == ContactPointKind.PostalAddress
                    || await _customers.FindByContactPointAsync(point, cancellationToken).ConfigureAwait(false) is null)
                {
                    free.Add(point);
                }
            }

            var customer = new Customer
            {
                Id = CustomerId.New(now),
                CreatedAt = now,
                DisplayName = contact.DisplayName,
                ContactPoints = free,
            };

            try
            {
                var stored = await _customers.CreateAsync(customer, cancellationToken).ConfigureAwait(false);
                Log.CustomerCreated(_logger, stored.Id, contact.Channel.Name, match.Confidence);
                if (match.Conflicts.Count > 0)
                {
                    Log.IdentityConflictSetAside(_logger, match.Conflicts.Count, contact.Channel.Name, stored.Id);
                }

                return (stored, match, true);
            }
            catch (ContactPointInUseException conflict)
            {
                // Another contact from the same address created the customer first; resolve again to find it.
                lastConflict = conflict;
            }
        }

        throw lastConflict!;
    }

    private async ValueTask<Concern> ApplyAsync(ThreadingOutcome outcome, Interaction draft, Instant now, CancellationToken cancellationToken)
    {
        switch (outcome.Action)
        {
            case ThreadingAction.Join:
                return await _concerns.UpdateAsync(WithActivity(outcome.Concern!, draft), outcome.Concern!.Version, cancellationToken).ConfigureAwait(false);
            case ThreadingAction.Reopen:
                var reopened = outcome.Concern!.Reopen(now).Concern;
                var stored = await _concerns.UpdateAsync(WithActivity(reopened, draft), outcome.Concern.Version, cancellationToken).ConfigureAwait(false);
                Log.ConcernReopened(_logger, stored.Id, draft.Id);
                return stored;
        }

        var links = outcome.Concern is { } linked && outcome.LinkKind is { } kind ? new[] { new ConcernLink(kind, linked.Id, now) } : [];
        var concern = new Concern
        {
            Id = ConcernId.New(draft.RecordedAt),
            CustomerId = draft.CustomerId,
            Subject = draft.Subject,
            ContactReason = draft.ContactReason,
            OpenedAt = draft.RecordedAt,
            LastActivityAt = draft.OccurredAt,
            Participants = ParticipantPoints(draft),
            Links = links,
        };

        var key = draft.ExternalId is { } externalId ? IdempotencyKey(draft.Channel, externalId) : $"interaction:{draft.Id}";
        var creation = await _concerns.CreateAsync(concern, key, cancellationToken).ConfigureAwait(false);
        if (!creation.AlreadyExisted)
        {
            Log.ConcernCreated(_logger, creation.Concern.Id, creation.Concern.Number, draft.CustomerId, outcome.Action);
        }

        return creation.Concern;
    }

    // A digest, so that the concern store never stores the external id itself, which erasure could not reach.
    private static string IdempotencyKey(Channel channel, string externalId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(externalId), hash);
        return $"{channel}:sha256:{Convert.ToHexStringLower(hash)}";
    }

    private async ValueTask<Concern> TouchConcernAsync(ConcernId concernId, Interaction interaction, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var concern = await _concerns.FindAsync(concernId, cancellationToken).ConfigureAwait(false)
                ?? throw new EntityNotFoundException("Concern", concernId.ToString());
            if (concern is { Status: ConcernStatus.Merged, MergedInto: { } survivor })
            {
                concernId = survivor;
                continue;
            }

            try
            {
                return await _concerns.UpdateAsync(WithActivity(concern, interaction), concern.Version, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                Log.RecordingRetried(_logger, interaction.Channel.Name, attempt);
            }
        }
    }

    private async ValueTask<Customer> FindActiveCustomerAsync(CustomerId customerId, CancellationToken cancellationToken)
    {
        var customer = await _customers.FindAsync(customerId, cancellationToken).ConfigureAwait(false);
        for (var hops = 0; customer is { MergedInto: { } survivor } && hops < 16; hops++)
        {
            customer = await _customers.FindAsync(survivor, cancellationToken).ConfigureAwait(false);
        }

        if (customer is null)
        {
            throw new EntityNotFoundException("Customer", customerId.ToString());
        }

        if (customer.ErasedAt is not null)
        {
            throw new InvalidOperationException($"Customer {customer.Id} was erased, so no new interaction can be recorded for it. Record it for a new customer instead.");
        }

        return customer;
    }

    private static Concern WithActivity(Concern concern, Interaction interaction) => concern with
    {
        LastActivityAt = interaction.OccurredAt > concern.LastActivityAt ? interaction.OccurredAt : concern.LastActivityAt,
        Participants = [.. concern.Participants, .. ParticipantPoints(interaction)],
    };

    private static ContactPoint[] ParticipantPoints(Interaction interaction) =>
        [.. interaction.Participants.Where(p => p.Role != ParticipantRole.Agent).Select(p => p.ContactPoint)];

    private async ValueTask<RecordingResult> DuplicateAsync(Interaction existing, CancellationToken cancellationToken)
    {
        Log.DuplicateInteraction(_logger, existing.Channel.Name, existing.Id);
        var customer = await _customers.FindAsync(existing.CustomerId, cancellationToken).ConfigureAwait(false)
            ?? throw new EntityNotFoundException("Customer", existing.CustomerId.ToString());
        var concern = existing.ConcernId is { } concernId ? await _concerns.FindAsync(concernId, cancellationToken).ConfigureAwait(false) : null;
        var steps = new[] { new ThreadingStep("duplicate", ThreadingDecision.Duplicate(existing.Id, $"the same {existing.Channel} external id was recorded as {existing.Id}")) };
        var identity = new IdentityMatch(MatchConfidence.Exact, customer, null, null, null);
        return new RecordingResult(existing, customer, concern, identity, new ThreadingOutcome(ThreadingAction.Duplicate, concern, existing.Id, steps), wasDuplicate: true, customerCreated: false);
    }
}
