using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CustomerCare;

/// <summary>
/// Argument checks for public entry points, and debug-only checks of internal invariants.
/// </summary>
/// <remarks>
/// This file is compiled into every CustomerCare package, so each package has its own internal copy.
/// Every check names the parameter through <c>CallerArgumentExpression</c> and returns
/// the checked value, so a constructor can validate and assign in one expression.
/// </remarks>
internal static class Guard
{
    /// <summary>Throws <see cref="ArgumentNullException"/> when <paramref name="value"/> is null.</summary>
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return value;
    }

    /// <summary>Throws when <paramref name="value"/> is null, empty or only white space.</summary>
    public static string NotNullOrWhiteSpace([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"Value must contain at least one non-white-space character, but was '{value}'.", paramName);
        }

        return value;
    }

    /// <summary>Throws when <paramref name="value"/> equals <c>default(T)</c>, which no CustomerCare value type accepts.</summary>
    public static T NotDefault<T>(T value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : struct, IEquatable<T>
    {
        if (value.Equals(default))
        {
            throw new ArgumentException(
                $"Value must not be default({typeof(T).Name}). Create it through its constructor, Parse or a well-known instance.",
                paramName);
        }

        return value;
    }

    /// <summary>Throws when <paramref name="value"/> is outside <c>[min, max]</c>.</summary>
    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < min || value > max)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Value must be between {min} and {max} inclusive, but was {value}.");
        }

        return value;
    }

    /// <summary>Throws when <paramref name="value"/> is negative.</summary>
    public static NodaTime.Duration NotNegative(NodaTime.Duration value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value < NodaTime.Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Duration must be zero or positive, but was {value}.");
        }

        return value;
    }

    /// <summary>Throws when <paramref name="value"/> is zero or negative.</summary>
    public static NodaTime.Duration Positive(NodaTime.Duration value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value <= NodaTime.Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Duration must be positive, but was {value}.");
        }

        return value;
    }

    /// <summary>Throws when <paramref name="values"/> is null or contains a null element.</summary>
    public static IEnumerable<T> NoNullElements<T>([NotNull] IEnumerable<T?>? values, [CallerArgumentExpression(nameof(values))] string? paramName = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        var index = 0;
        foreach (var value in values)
        {
            if (value is null)
            {
                throw new ArgumentException($"Element {index} is null. Remove it or replace it with a value.", paramName);
            }

            index++;
        }

        return values!;
    }

    /// <summary>
    /// Checks an internal invariant in debug builds. Release builds compile the call away, so a failure
    /// here is a bug in CustomerCare, never a caller's mistake.
    /// </summary>
    [Conditional("DEBUG")]
    public static void Invariant([DoesNotReturnIf(false)] bool condition, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Internal invariant failed: {expression}. This is a bug in CustomerCare.");
        }
    }
}
