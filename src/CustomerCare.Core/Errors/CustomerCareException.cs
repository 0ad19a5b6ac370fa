namespace CustomerCare.Core;

/// <summary>
/// The base of the exceptions that CustomerCare throws for its own conditions, so a host can catch them together.
/// </summary>
/// <remarks>
/// Argument errors use the standard <see cref="ArgumentException"/> family instead. Expected business outcomes,
/// such as a rejected transition or a hand-off to a person, are results and never exceptions.
/// </remarks>
public class CustomerCareException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public CustomerCareException()
        : base("A CustomerCare operation failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message that describes the error.</param>
    public CustomerCareException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message that describes the error.</param>
    /// <param name="innerException">The exception that caused this one.</param>
    public CustomerCareException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
