using CustomerCare.Core;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.Threading.Rules;
using NodaTime;

namespace CustomerCare.Interactions.Threading;

/// <summary>
/// Decides which concern an inbound interaction belongs to, by running an ordered list of rules and then the
/// closed-and-merged stage, and returns the decision with the reason of every step.
/// </summary>
/// <remarks>
/// <para>The default order (<see cref="CreateDefault"/>):</para>
/// <list type="number">
/// <item><description><see cref="DuplicateMessageRule"/>: same channel and external id → duplicate.</description></item>
/// <item><description><see cref="SignedReferenceRule"/>: our signed token in reply address, subject or body.</description></item>
/// <item><description><see cref="MessageReferenceRule"/>: <c>In-Reply-To</c> and <c>References</c> ids, with the new-topic rule.</description></item>
/// <item><description><see cref="ConcernNumberRule"/>: a concern number in the subject, only from a known sender.</description></item>
/// <item><description><see cref="CrossChannelRule"/>: same customer, same contact reason, within the window, any channel.</description></item>
/// <item><description>
/// Closed-and-merged stage, applied to the concern a rule chose: a merged concern redirects to the concern it was
/// merged into; an open concern is joined; a resolved one is reopened; a closed one is reopened when the interaction
/// occurred within <see cref="InteractionsOptions.ReopenWindow"/> after closing, otherwise a new concern starts as
/// its follow-up.
/// </description></item>
/// <item><description>Otherwise a new concern.</description></item>
/// </list>
/// <para>
/// The pipeline only reads; <see cref="InteractionRecorder"/> carries out the outcome. It is thread-safe when its
/// rules are.
/// </para>
/// </remarks>
public sealed class ThreadingPipeline
{
    private const int MaxMergeHops = 16;

    private readonly IThreadingRule[] _rules;
    private readonly IConcernStore _concerns;
    private readonly Duration _reopenWindow;

    /// <summary>Initializes a pipeline with custom rules.</summary>
    /// <param name="rules">The rules in the order they run.</param>
    /// <param name="concerns">The concern store, read by the closed-and-merged stage.</param>
    /// <param name="options">The options; <see cref="InteractionsOptions.ReopenWindow"/> is read.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="rules"/> contains null.</exception>
    /// <exception cref="CustomerCareValidationException"><paramref name="options"/> is invalid.</exception>
    public ThreadingPipeline(IEnumerable<IThreadingRule> rules, IConcernStore concerns, InteractionsOptions options)
    {
        _rules = [.. Guard.NoNullElements(rules)];
        _concerns = Guard.NotNull(concerns);
        Guard.NotNull(options).Validate();
        _reopenWindow = options.ReopenWindow;
    }

    /// <summary>Gets the rules in the order they run.</summary>
    public IReadOnlyList<IThreadingRule> Rules => _rules;

    /// <summary>Creates the pipeline with the built-in rules in their documented order.</summary>
    /// <param name="interactions">The interaction store.</param>
    /// <param name="concerns">The concern store.</param>
    /// <param name="signer">The signer with the host's key.</param>
    /// <param name="options">The options.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="CustomerCareValidationException"><paramref name="options"/> is invalid.</exception>
    public static ThreadingPipeline CreateDefault(IInteractionStore interactions, IConcernStore concerns, ReferenceTokenSigner signer, InteractionsOptions options)
    {
        Guard.NotNull(interactions);
        Guard.NotNull(concerns);
        Guard.NotNull(signer);
        Guard.NotNull(options);

        IThreadingRule[] rules =
        [
            new DuplicateMessageRule(interactions),
            new SignedReferenceRule(signer),
            new MessageReferenceRule(interactions, concerns),
            new ConcernNumberRule(concerns, options),
            new CrossChannelRule(concerns, options),
        ];
        return new ThreadingPipeline(rules, concerns, options);
    }

    /// <summary>Decides where an inbound interaction belongs.</summary>
    /// <param name="context">The interaction, with its customer resolved, and its body text.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The outcome with every step's decision and reason.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public async ValueTask<ThreadingOutcome> DecideAsync(ThreadingContext context, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(context);
        var steps = new List<ThreadingStep>(_rules.Length + 2);

        foreach (var rule in _rules)
        {
            var decision = await rule.DecideAsync(context, cancellationToken).ConfigureAwait(false);
            steps.Add(new ThreadingStep(rule.Name, decision));
            switch (decision.Kind)
            {
                case ThreadingDecisionKind.Duplicate:
                    return new ThreadingOutcome(ThreadingAction.Duplicate, null, decision.DuplicateOf, steps);
                case ThreadingDecisionKind.StartNew:
                    return await StartNewAsync(decision, steps, cancellationToken).ConfigureAwait(false);
                case ThreadingDecisionKind.Attach:
                    return await ApplyStatusAsync(context, decision.ConcernId!.Value, steps, cancellationToken).ConfigureAwait(false);
            }
        }

        steps.Add(new ThreadingStep("new-concern", ThreadingDecision.StartNew("no earlier step matched, so the interaction starts a new concern")));
        return new ThreadingOutcome(ThreadingAction.New, null, null, steps);
    }

    private async ValueTask<ThreadingOutcome> StartNewAsync(ThreadingDecision decision, List<ThreadingStep> steps, CancellationToken cancellationToken)
    {
        if (decision.ConcernId is not { } linked)
        {
            return new ThreadingOutcome(ThreadingAction.New, null, null, steps);
        }

        var concern = await _concerns.FindAsync(linked, cancellationToken).ConfigureAwait(false);
        var action = decision.LinkKind == ConcernLinkKind.FollowUpOf ? ThreadingAction.FollowUp : ThreadingAction.NewTopic;
        return concern is null
            ? new ThreadingOutcome(ThreadingAction.New, null, null, steps)
            : new ThreadingOutcome(action, concern, null, steps);
    }

    private async ValueTask<ThreadingOutcome> ApplyStatusAsync(ThreadingContext context, ConcernId concernId, List<ThreadingStep> steps, CancellationToken cancellationToken)
    {
        const string Stage = "closed-and-merged";
        var concern = await _concerns.FindAsync(concernId, cancellationToken).ConfigureAwait(false);
        var hops = 0;
        while (concern is { Status: ConcernStatus.Merged, MergedInto: { } survivor } && hops++ < MaxMergeHops)
        {
            var from = concern.Id;
            concern = await _concerns.FindAsync(survivor, cancellationToken).ConfigureAwait(false);
            steps.Add(new ThreadingStep(Stage, ThreadingDecision.Attach(survivor, $"{from} was merged into {survivor}, so the interaction goes there")));
        }

        if (concern is null || concern.Status == ConcernStatus.Merged)
        {
            steps.Add(new ThreadingStep(Stage, ThreadingDecision.StartNew($"{concernId} or the concern it was merged into does not exist, so the interaction starts a new concern")));
            return new ThreadingOutcome(ThreadingAction.New, null, null, steps);
        }

        switch (concern.Status)
        {
            case ConcernStatus.Open:
                return new ThreadingOutcome(ThreadingAction.Join, concern, null, steps);
            case ConcernStatus.Resolved:
                steps.Add(new ThreadingStep(Stage, ThreadingDecision.Attach(concern.Id, $"{concern.Id} is resolved, and a new contact about it reopens it")));
                return new ThreadingOutcome(ThreadingAction.Reopen, concern, null, steps);
        }

        var closedAt = concern.ClosedAt ?? concern.LastActivityAt;
        var sinceClose = context.Interaction.OccurredAt - closedAt;
        if (_reopenWindow > Duration.Zero && sinceClose <= _reopenWindow)
        {
            steps.Add(new ThreadingStep(Stage, ThreadingDecision.Attach(concern.Id, $"{concern.Id} was closed on {closedAt}, within the reopen window, so it is reopened")));
            return new ThreadingOutcome(ThreadingAction.Reopen, concern, null, steps);
        }

        steps.Add(new ThreadingStep(Stage, ThreadingDecision.StartNew(
            $"{concern.Id} was closed on {closedAt}, outside the reopen window, so a follow-up concern starts", concern.Id, ConcernLinkKind.FollowUpOf)));
        return new ThreadingOutcome(ThreadingAction.FollowUp, concern, null, steps);
    }
}
