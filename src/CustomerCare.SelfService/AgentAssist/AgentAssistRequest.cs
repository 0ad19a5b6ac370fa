using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>What the person handling a concern wants suggestions for.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct AgentAssistRequest
{
    /// <summary>Initializes a new request.</summary>
    /// <param name="text">The customer's words or the agent's summary of the concern.</param>
    /// <param name="concernIntent">The concern's contact reason when already classified, or <see langword="null"/>.</param>
    /// <param name="maxSuggestions">How many articles to suggest, 1 to 10.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxSuggestions"/> is outside 1 to 10.</exception>
    public AgentAssistRequest(string text, ContactReason? concernIntent = null, int maxSuggestions = 3)
    {
        Text = Guard.NotNull(text);
        ConcernIntent = concernIntent;
        MaxSuggestions = Guard.InRange(maxSuggestions, 1, 10);
    }

    /// <summary>Gets the text to match.</summary>
    public string Text { get; }

    /// <summary>Gets the concern's contact reason, or <see langword="null"/>.</summary>
    public ContactReason? ConcernIntent { get; }

    /// <summary>Gets how many articles to suggest.</summary>
    public int MaxSuggestions { get; }
}
