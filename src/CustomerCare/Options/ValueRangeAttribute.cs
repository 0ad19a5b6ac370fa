using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CustomerCare;

/// <summary>
/// Requires an <see cref="int"/> or <see cref="TimeSpan"/> option to lie in an inclusive range. Unlike
/// <see cref="RangeAttribute"/>, the message also shows the rejected value, and no type converter is involved,
/// so the check is safe for trimming and native AOT.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
internal sealed class ValueRangeAttribute : ValidationAttribute
{
    private readonly IComparable _minimum;
    private readonly IComparable _maximum;

    /// <summary>Initializes a range of whole numbers.</summary>
    public ValueRangeAttribute(int minimum, int maximum)
    {
        _minimum = minimum;
        _maximum = maximum;
    }

    /// <summary>Initializes a range of time spans, written in the invariant <c>c</c> format such as <c>00:00:01</c>.</summary>
    public ValueRangeAttribute(string minimum, string maximum)
    {
        _minimum = TimeSpan.ParseExact(minimum, "c", CultureInfo.InvariantCulture);
        _maximum = TimeSpan.ParseExact(maximum, "c", CultureInfo.InvariantCulture);
    }

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is null || (value.GetType() == _minimum.GetType() && _minimum.CompareTo(value) <= 0 && _maximum.CompareTo(value) >= 0))
        {
            return ValidationResult.Success;
        }

        var name = validationContext.MemberName ?? validationContext.DisplayName;
        var message = string.Format(
            CultureInfo.InvariantCulture,
            "{0} is {1}, but it must be between {2} and {3}.",
            name,
            value,
            _minimum,
            _maximum);
        return new ValidationResult(message, name is null ? null : [name]);
    }
}
