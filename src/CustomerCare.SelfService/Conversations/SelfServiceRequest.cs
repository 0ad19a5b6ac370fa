using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>One message of a customer to self-service, with the facts about the customer that other parts of the host know.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct SelfServiceRequest
{
    /// <summary>Initializes a new request.</summary>
    /// <param name="text">The customer's words.</param>
    /// <param name="at">When the customer sent them.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public SelfServiceRequest(string text, Instant at)
    {
        Text = Guard.NotNull(text);
        At = at;
    }

    /// <summary>Gets the customer's words.</summary>
    public string Text { get; }

    /// <summary>Gets when the customer sent them.</summary>
    public Instant At { get; }

    /// <summary>Gets a value indicating whether the customer pressed a "talk to a person" control; <see langword="false"/> by default.</summary>
    public bool AsksForPerson { get; init; }

    /// <summary>
    /// Gets a value indicating whether the customer already has an open concern that a person handles, as the
    /// host's concern records show; <see langword="false"/> by default.
    /// </summary>
    public bool HasOpenConcernWithPerson { get; init; }

    /// <summary>
    /// Gets the amount of money the request is about, such as the refund asked for, or <see langword="null"/>;
    /// compared with <see cref="SelfServicePolicy.AmountLimits"/>. <see langword="null"/> by default.
    /// </summary>
    public decimal? Amount { get; init; }
}
