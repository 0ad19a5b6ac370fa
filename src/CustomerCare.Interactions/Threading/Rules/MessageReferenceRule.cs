using CustomerCare.Interactions.Concerns;

namespace CustomerCare.Interactions.Threading.Rules;

/// <summary>
/// Step 3: the message ids in <c>In-Reply-To</c> and every <c>References</c> id, newest first, are looked up among
/// the stored interactions of the same channel; the first one found decides the concern. Some clients put several
/// ids into <c>In-Reply-To</c> or drop it and keep only <c>References</c>, so every id is tried.
/// </summary>
/// <remarks>
/// <para>
/// New-topic rule: a reply that matches by headers starts a new concern, linked with
/// <see cref="ConcernLinkKind.NewTopicFrom"/>, when its subject has no reply or forward prefix (<c>Re:</c>,
/// <c>AW:</c>, <c>Fwd:</c>, …) and, without prefixes, tags, case and extra spaces, differs from the concern's
/// subject. Mail clients add the prefix to every reply, so a reply without it whose subject was rewritten is a person
/// starting a new topic in an old thread. A reply that keeps the prefix stays in its concern even when the text after
/// the prefix was edited, and a signed reference or a concern number always wins over this rule because they are
/// deliberate.
/// </para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public sealed class MessageReferenceRule : IThreadingRule
{
    private readonly IInteractionStore _interactions;
    private readonly IConcernStore _concerns;

    /// <summary>Initializes the rule.</summary>
    /// <param name="interactions">The interaction store.</param>
    /// <param name="concerns">The concern store, read for the new-topic check.</param>
    /// <exception cref="ArgumentNullException"><paramref name="interactions"/> or <paramref name="concerns"/> is null.</exception>
    public MessageReferenceRule(IInteractionStore interactions, IConcernStore concerns)
    {
        _interactions = Guard.NotNull(interactions);
        _concerns = Guard.NotNull(concerns);
    }

    /// <inheritdoc/>
    public string Name => "message-reference";

    /// <inheritdoc/>
    public async ValueTask<ThreadingDecision> DecideAsync(ThreadingContext context, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(context);
        var interaction = context.Interaction;
        if (interaction.InReplyTo.Count == 0 && interaction.References.Count == 0)
        {
            return ThreadingDecision.Continue("the interaction has no In-Reply-To or References ids");
        }

        for (var i = interaction.InReplyTo.Count - 1; i >= 0; i--)
        {
            if (await MatchAsync(context, interaction.InReplyTo[i], "In-Reply-To", cancellationToken).ConfigureAwait(false) is { } decision)
            {
                return decision;
            }
        }

        for (var i = interaction.References.Count - 1; i >= 0; i--)
        {
            if (await MatchAsync(context, interaction.References[i], "References", cancellationToken).ConfigureAwait(false) is { } decision)
            {
                return decision;
            }
        }

        return ThreadingDecision.Continue($"none of the {interaction.InReplyTo.Count + interaction.References.Count} referenced message ids is stored with a concern");
    }

    private async ValueTask<ThreadingDecision?> MatchAsync(ThreadingContext context, string messageId, string header, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        var referenced = await _interactions.FindByExternalIdAsync(interaction.Channel, messageId, cancellationToken).ConfigureAwait(false);
        if (referenced?.ConcernId is not { } concernId)
        {
            return null;
        }

        var reason = $"{header} matches {referenced.Id} of {concernId}";
        var concern = await _concerns.FindAsync(concernId, cancellationToken).ConfigureAwait(false);
        if (concern is not null && IsNewTopic(interaction.Subject, concern.Subject))
        {
            return ThreadingDecision.StartNew(
                $"{reason}, but the subject has no reply prefix and differs from the concern's subject, so it starts a new topic",
                concernId,
                ConcernLinkKind.NewTopicFrom);
        }

        return ThreadingDecision.Attach(concernId, reason);
    }

    internal static bool IsNewTopic(string? subject, string? concernSubject)
    {
        var normalized = SubjectLine.Normalize(subject);
        return normalized.Length > 0
            && concernSubject is not null
            && !SubjectLine.HasReplyPrefix(subject)
            && !string.Equals(normalized, SubjectLine.Normalize(concernSubject), StringComparison.Ordinal);
    }
}
