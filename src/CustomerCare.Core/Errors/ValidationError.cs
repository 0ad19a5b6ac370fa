using System.Text;

namespace CustomerCare.Core;

/// <summary>
/// One problem in a definition or configuration: where it is, what is wrong, the offending value and how to fix it.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class ValidationError
{
    /// <summary>Initializes a new error.</summary>
    /// <param name="path">Where the problem is, such as <c>calendar 'berlin' → weekly → Monday[1]</c>.</param>
    /// <param name="problem">What is wrong, as a sentence fragment such as <c>overlaps interval 0</c>.</param>
    /// <param name="fix">What to do about it, as a sentence.</param>
    /// <param name="value">The offending value as text, or <see langword="null"/> when there is none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/>, <paramref name="problem"/> or <paramref name="fix"/> is null.</exception>
    public ValidationError(string path, string problem, string fix, string? value = null)
    {
        Path = Guard.NotNull(path);
        Problem = Guard.NotNullOrWhiteSpace(problem);
        Fix = Guard.NotNull(fix);
        Value = value;
    }

    /// <summary>Gets where the problem is.</summary>
    public string Path { get; }

    /// <summary>Gets what is wrong.</summary>
    public string Problem { get; }

    /// <summary>Gets the offending value as text, or <see langword="null"/>.</summary>
    public string? Value { get; }

    /// <summary>Gets what to do about it.</summary>
    public string Fix { get; }

    /// <summary>Returns the error as one line: path, problem, value and fix.</summary>
    /// <returns>A line such as <c>weekly → Monday[1]: overlaps interval 0 (value '08:00-12:00'). Join or separate them.</c></returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (Path.Length > 0)
        {
            text.Append(Path).Append(": ");
        }

        text.Append(Problem);
        if (Value is not null)
        {
            text.Append(" (value '").Append(Value).Append("')");
        }

        text.Append('.');
        if (Fix.Length > 0)
        {
            text.Append(' ').Append(Fix);
        }

        return text.ToString();
    }
}
