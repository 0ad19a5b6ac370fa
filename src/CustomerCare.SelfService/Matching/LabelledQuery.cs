using CustomerCare.Core;

namespace CustomerCare.SelfService;

/// <summary>A customer query with the intent that a person assigned to it: the unit of training, calibration and evaluation data.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct LabelledQuery
{
    /// <summary>Initializes a new labelled query.</summary>
    /// <param name="text">The customer's words.</param>
    /// <param name="intent">The labelled intent.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is null or white space, or <paramref name="intent"/> is <c>default</c>.</exception>
    public LabelledQuery(string text, ContactReason intent)
    {
        Text = Guard.NotNullOrWhiteSpace(text);
        Intent = Guard.NotDefault(intent);
    }

    /// <summary>Gets the customer's words.</summary>
    public string Text { get; }

    /// <summary>Gets the labelled intent.</summary>
    public ContactReason Intent { get; }
}
