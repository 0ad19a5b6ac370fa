using System.Collections.Immutable;

namespace CustomerCare.SelfService;

/// <summary>The result of one step of <see cref="SelfServiceEngine"/>: what it did, and the conversation afterwards.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SelfServiceOutcome
{
    internal SelfServiceOutcome(
        SelfServiceOutcomeKind kind,
        SelfServiceConversation conversation,
        MatchResult? match,
        ImmutableArray<MatchCandidate> articles,
        AutomationDefinition? automation,
        SelfServiceHandOff? handOff,
        SelfServiceResolution? resolution)
    {
        Kind = kind;
        Conversation = conversation;
        Match = match;
        Articles = articles;
        Automation = automation;
        HandOff = handOff;
        Resolution = resolution;
    }

    /// <summary>Gets what self-service did.</summary>
    public SelfServiceOutcomeKind Kind { get; }

    /// <summary>Gets the conversation after this step; pass it to the next call.</summary>
    public SelfServiceConversation Conversation { get; }

    /// <summary>Gets the match behind the outcome, or <see langword="null"/> when no match was made.</summary>
    public MatchResult? Match { get; }

    /// <summary>Gets the answered article (one) or the suggested articles (up to three); empty otherwise.</summary>
    public ImmutableArray<MatchCandidate> Articles { get; }

    /// <summary>Gets the automation registered for the answered intent, which the host may offer to run, or <see langword="null"/>.</summary>
    public AutomationDefinition? Automation { get; }

    /// <summary>Gets the hand-off when <see cref="Kind"/> is <see cref="SelfServiceOutcomeKind.HandedOff"/>.</summary>
    public SelfServiceHandOff? HandOff { get; }

    /// <summary>Gets the resolution to track for deflection when <see cref="Kind"/> is <see cref="SelfServiceOutcomeKind.Resolved"/>.</summary>
    public SelfServiceResolution? Resolution { get; }
}
