namespace CustomerCare.Kvp.Metrics;

/// <summary>A rate as its numerator and denominator, such as 84 resolved at first contact out of 100 resolved concerns.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Numerator">The counted cases.</param>
/// <param name="Denominator">The cases the rate is taken over.</param>
public readonly record struct Ratio(long Numerator, long Denominator)
{
    /// <summary>Gets the rate from 0 to 1, or null when <see cref="Denominator"/> is zero.</summary>
    public double? Value => Denominator == 0 ? null : (double)Numerator / Denominator;

    /// <summary>Returns the rate as a percentage with one decimal, such as <c>84.0 % (84/100)</c>, or <c>n/a (0/0)</c>.</summary>
    /// <returns>The formatted rate.</returns>
    public override string ToString() =>
        Value is { } value
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{value * 100:0.0} % ({Numerator}/{Denominator})")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"n/a ({Numerator}/{Denominator})");
}
