namespace CustomerCare.Core;

/// <summary>
/// Thrown when a definition or configuration is invalid, such as a business calendar with overlapping hours,
/// a procedure with an unreachable state or a priority matrix with a gap.
/// </summary>
/// <remarks>
/// The exception carries every problem found, not only the first, so a whole definition can be fixed in one pass.
/// The message lists them one per line.
/// </remarks>
public sealed class CustomerCareValidationException : CustomerCareException
{
    /// <summary>Initializes a new instance for one problem.</summary>
    /// <param name="error">The problem.</param>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    public CustomerCareValidationException(ValidationError error)
        : this([Guard.NotNull(error)])
    {
    }

    /// <summary>Initializes a new instance for several problems.</summary>
    /// <param name="errors">The problems, at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="errors"/> is null or contains null.</exception>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public CustomerCareValidationException(IEnumerable<ValidationError> errors)
        : this(ToList(errors))
    {
    }

    private CustomerCareValidationException(IReadOnlyList<ValidationError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Gets the problems, in the order they were found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static ValidationError[] ToList(IEnumerable<ValidationError> errors)
    {
        var list = Guard.NoNullElements(errors).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one validation error is required.", nameof(errors));
        }

        return list;
    }

    private static string FormatMessage(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 1
            ? errors[0].ToString()
            : $"{errors.Count} validation errors:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "- " + e));
}
