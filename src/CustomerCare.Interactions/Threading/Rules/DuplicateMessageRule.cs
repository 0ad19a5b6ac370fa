namespace CustomerCare.Interactions.Threading.Rules;

/// <summary>
/// Step 1: an interaction whose channel and external id (such as an email Message-ID) are already stored is a
/// duplicate. Mail servers and channel adapters deliver the same message twice after a retry, and recording it again
/// would count one contact twice.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public sealed class DuplicateMessageRule : IThreadingRule
{
    private readonly IInteractionStore _interactions;

    /// <summary>Initializes the rule.</summary>
    /// <param name="interactions">The interaction store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="interactions"/> is null.</exception>
    public DuplicateMessageRule(IInteractionStore interactions)
    {
        _interactions = Guard.NotNull(interactions);
    }

    /// <inheritdoc/>
    public string Name => "duplicate";

    /// <inheritdoc/>
    public async ValueTask<ThreadingDecision> DecideAsync(ThreadingContext context, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(context);
        var interaction = context.Interaction;
        if (interaction.ExternalId is not { } externalId)
        {
            return ThreadingDecision.Continue("the interaction has no external id");
        }

        var existing = await _interactions.FindByExternalIdAsync(interaction.Channel, externalId, cancellationToken).ConfigureAwait(false);
        return existing is null
            ? ThreadingDecision.Continue($"no {interaction.Channel} interaction with this external id is stored")
            : ThreadingDecision.Duplicate(existing.Id, $"the same {interaction.Channel} external id was recorded as {existing.Id}");
    }
}
