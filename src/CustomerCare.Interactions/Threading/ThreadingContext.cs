using NodaTime;

namespace CustomerCare.Interactions.Threading;

/// <summary>What a threading rule looks at: the inbound interaction before it is recorded, and its body text.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ThreadingContext
{
    /// <summary>Initializes a context.</summary>
    /// <param name="interaction">The inbound interaction, with its customer resolved and no concern yet.</param>
    /// <param name="bodyText">The plain text of the body, searched for a signed reference; <see langword="null"/> when there is none.</param>
    /// <param name="now">The current instant, for rules that compare with the current time. The built-in windows are measured from the interaction's occurred-at.</param>
    /// <exception cref="ArgumentNullException"><paramref name="interaction"/> is null.</exception>
    public ThreadingContext(Interaction interaction, string? bodyText, Instant now)
    {
        Interaction = Guard.NotNull(interaction);
        BodyText = bodyText;
        Now = now;
    }

    /// <summary>Gets the inbound interaction.</summary>
    public Interaction Interaction { get; }

    /// <summary>Gets the body's plain text, or <see langword="null"/>.</summary>
    public string? BodyText { get; }

    /// <summary>Gets the current instant.</summary>
    public Instant Now { get; }
}
