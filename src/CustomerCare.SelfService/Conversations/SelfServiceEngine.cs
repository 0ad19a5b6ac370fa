using System.Collections.Immutable;
using System.Globalization;
using CustomerCare.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// Runs self-service conversations: matches each customer message, answers, suggests or hands off by the
/// <see cref="SelfServicePolicy"/>, and takes the customer's feedback on answers.
/// </summary>
/// <remarks>
/// <para>
/// The hand-off rules come before the match's confidence, in this order: the customer asks for a person (control or
/// words), the customer already has an open concern with a person, the customer rephrased
/// <see cref="SelfServicePolicy.MaxRephrasings"/> times, the best intent is sensitive or the amount is above its limit.
/// Only then does the confidence band decide. A rejected answer hands off at once.
/// </para>
/// <para>
/// The engine keeps no state: every call takes a conversation and returns the next one. It is thread-safe, so one
/// instance serves every conversation. Calling a method on a closed conversation is a programmer error and throws.
/// </para>
/// </remarks>
public sealed class SelfServiceEngine
{
    private readonly IKnowledgeMatcher _matcher;
    private readonly PersonRequestDetector _personRequests;
    private readonly AutomationCatalog _automations;
    private readonly ILogger _logger;

    /// <summary>Initializes a new engine.</summary>
    /// <param name="matcher">The matcher, such as <see cref="Bm25KnowledgeMatcher"/>.</param>
    /// <param name="policy">The policy; <see cref="SelfServicePolicy.Default"/> when null.</param>
    /// <param name="automations">The automations of standard concerns, offered when their intent is answered; none when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="matcher"/> is null.</exception>
    public SelfServiceEngine(IKnowledgeMatcher matcher, SelfServicePolicy? policy = null, AutomationCatalog? automations = null, ILogger<SelfServiceEngine>? logger = null)
    {
        _matcher = Guard.NotNull(matcher);
        Policy = policy ?? SelfServicePolicy.Default;
        _personRequests = new PersonRequestDetector(Policy.PersonRequestPhrases);
        _automations = automations ?? AutomationCatalog.Empty;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the policy in use.</summary>
    public SelfServicePolicy Policy { get; }

    /// <summary>Handles one message of the customer.</summary>
    /// <param name="conversation">The conversation so far.</param>
    /// <param name="request">The message and what the host knows about the customer.</param>
    /// <returns>An answer, suggestions or a hand-off, with the conversation afterwards.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conversation"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="request"/> is <c>default</c>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="conversation"/> is closed.</exception>
    public SelfServiceOutcome Ask(SelfServiceConversation conversation, SelfServiceRequest request)
    {
        RequireOpen(conversation);
        var text = request.Text ?? throw new ArgumentException("The request is default and has no text. Create it with new SelfServiceRequest(text, at).", nameof(request));

        var at = request.At;
        conversation = conversation.WithQuery(new TranscriptEntry(at, TranscriptEntryKind.Query, text));
        if (request.AsksForPerson || _personRequests.IsPersonRequest(text))
        {
            return HandOff(conversation, HandOffReason.CustomerAskedForPerson, at, null);
        }

        if (request.HasOpenConcernWithPerson)
        {
            return HandOff(conversation, HandOffReason.OpenConcernWithPerson, at, null);
        }

        // The first query is no rephrasing; each later one is, because an accepted answer closes the conversation.
        if (conversation.Rephrasings >= Policy.MaxRephrasings)
        {
            return HandOff(conversation, HandOffReason.RepeatedRephrasing, at, null);
        }

        var match = _matcher.Match(new MatchRequest(text, MatchRequest.DefaultMaxCandidates));
        if (match.TopIntent is { } intent && (Policy.IsSensitive(intent) || IsAboveLimit(intent, request.Amount)))
        {
            return HandOff(conversation, HandOffReason.SensitiveIntent, at, match);
        }

        return Policy.Confidence.Classify(match) switch
        {
            ConfidenceBand.Answer => Answer(conversation, match, at),
            ConfidenceBand.Suggest => Suggest(conversation, match, at),
            _ => HandOff(conversation, HandOffReason.LowConfidence, at, match),
        };
    }

    /// <summary>Records that the customer picked one of the suggested articles, which then awaits feedback like an answer.</summary>
    /// <param name="conversation">The conversation whose last step suggested articles.</param>
    /// <param name="article">The chosen article.</param>
    /// <param name="at">When the customer chose it.</param>
    /// <returns>An <see cref="SelfServiceOutcomeKind.Answered"/> outcome for the chosen article.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conversation"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The conversation is closed, or its last entry did not suggest <paramref name="article"/>.</exception>
    public SelfServiceOutcome ChooseSuggestion(SelfServiceConversation conversation, ArticleId article, Instant at)
    {
        RequireOpen(conversation);
        var last = conversation.Transcript.IsEmpty ? null : conversation.Transcript[^1];
        if (last is null || last.Kind != TranscriptEntryKind.Suggestions || !last.Candidates.Any(c => c.Article == article))
        {
            throw new InvalidOperationException($"Article {article} was not suggested in the last step of conversation {conversation.Id}. Pass one of the suggested articles.");
        }

        var chosen = last.Candidates.First(c => c.Article == article);
        var entry = new TranscriptEntry(at, TranscriptEntryKind.Answer, "chose a suggested article")
        {
            Candidates = [chosen],
            Intent = chosen.Intent,
        };
        conversation = conversation.With(entry, ConversationState.Answered, chosen);
        return new SelfServiceOutcome(SelfServiceOutcomeKind.Answered, conversation, null, [chosen], _automations.FindForIntent(chosen.Intent), null, null);
    }

    /// <summary>Records the customer's "did this help?" feedback on the last answer.</summary>
    /// <param name="conversation">The conversation whose last step answered.</param>
    /// <param name="helped"><see langword="true"/> when the answer helped, which resolves the conversation; otherwise it hands off.</param>
    /// <param name="at">When the customer gave the feedback.</param>
    /// <returns>A <see cref="SelfServiceOutcomeKind.Resolved"/> outcome with the resolution to track, or a hand-off for a rejected answer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conversation"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The conversation is closed or has no answer awaiting feedback.</exception>
    /// <remarks>Store the vote with <see cref="IKnowledgeStore.RecordFeedbackAsync"/> as well, so that ranking learns from it.</remarks>
    public SelfServiceOutcome GiveFeedback(SelfServiceConversation conversation, bool helped, Instant at)
    {
        RequireOpen(conversation);
        if (conversation.State != ConversationState.Answered || conversation.LastAnswer is not { } answer)
        {
            throw new InvalidOperationException($"Conversation {conversation.Id} has no answer awaiting feedback. Give feedback right after an answer.");
        }

        var entry = new TranscriptEntry(at, TranscriptEntryKind.Feedback, helped ? "helped" : "did not help")
        {
            Candidates = [answer],
            Intent = answer.Intent,
        };
        if (!helped)
        {
            var rejected = conversation.With(entry, ConversationState.Open, null);
            return HandOff(rejected, HandOffReason.AnswerRejected, at, new MatchResult([answer], 0, default));
        }

        conversation = conversation.With(entry, ConversationState.Resolved, answer);
        var resolution = new SelfServiceResolution(conversation.Id, conversation.Customer, answer.Intent, answer.Article, conversation.Channel, at);
        Log.Resolved(_logger, conversation.Id, answer.Article);
        return new SelfServiceOutcome(SelfServiceOutcomeKind.Resolved, conversation, null, [answer], null, null, resolution);
    }

    /// <summary>Hands the conversation to a person for a reason the host detected, such as a failed automation.</summary>
    /// <param name="conversation">The conversation.</param>
    /// <param name="reason">Why.</param>
    /// <param name="at">When.</param>
    /// <returns>The hand-off outcome.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conversation"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The conversation is closed.</exception>
    public SelfServiceOutcome HandOff(SelfServiceConversation conversation, HandOffReason reason, Instant at)
    {
        RequireOpen(conversation);
        return HandOff(conversation, reason, at, null);
    }

    private SelfServiceOutcome Answer(SelfServiceConversation conversation, MatchResult match, Instant at)
    {
        var best = match.Candidates[0];
        var entry = new TranscriptEntry(at, TranscriptEntryKind.Answer, "answered automatically")
        {
            Candidates = [best],
            Confidence = match.Confidence,
            Intent = best.Intent,
        };
        conversation = conversation.With(entry, ConversationState.Answered, best);
        Log.Answered(_logger, conversation.Id, best.Intent.Code, best.Article, match.Confidence);
        return new SelfServiceOutcome(SelfServiceOutcomeKind.Answered, conversation, match, [best], _automations.FindForIntent(best.Intent), null, null);
    }

    private SelfServiceOutcome Suggest(SelfServiceConversation conversation, MatchResult match, Instant at)
    {
        var suggestions = match.Candidates.Take(MatchRequest.DefaultMaxCandidates).ToImmutableArray();
        var entry = new TranscriptEntry(at, TranscriptEntryKind.Suggestions, string.Create(CultureInfo.InvariantCulture, $"suggested {suggestions.Length} articles"))
        {
            Candidates = suggestions,
            Confidence = match.Confidence,
            Intent = match.TopIntent,
        };
        conversation = conversation.With(entry, ConversationState.Open, null);
        Log.Suggested(_logger, conversation.Id, suggestions.Length, match.TopIntent!.Value.Code, match.Confidence);
        return new SelfServiceOutcome(SelfServiceOutcomeKind.Suggested, conversation, match, suggestions, null, null, null);
    }

    private SelfServiceOutcome HandOff(SelfServiceConversation conversation, HandOffReason reason, Instant at, MatchResult? match)
    {
        var entry = new TranscriptEntry(at, TranscriptEntryKind.HandOff, "handed off: " + reason)
        {
            Candidates = match?.Candidates ?? [],
            Confidence = match?.Confidence,
            Intent = match?.TopIntent,
        };
        conversation = conversation.With(entry, ConversationState.HandedOff, null);
        Log.HandedOff(_logger, conversation.Id, reason);
        var handOff = new SelfServiceHandOff(reason, conversation, at, match);
        return new SelfServiceOutcome(SelfServiceOutcomeKind.HandedOff, conversation, match, [], null, handOff, null);
    }

    private bool IsAboveLimit(ContactReason intent, decimal? amount) =>
        amount is { } value && Policy.AmountLimitFor(intent) is { } limit && value > limit;

    private static void RequireOpen(SelfServiceConversation conversation)
    {
        Guard.NotNull(conversation);
        if (conversation.IsClosed)
        {
            throw new InvalidOperationException($"Conversation {conversation.Id} is {conversation.State} and takes no more messages. Start a new conversation.");
        }
    }
}
