using System.Runtime.CompilerServices;

namespace CustomerCare.Kvp.Metrics;

/// <summary>The smallest and largest named value of an enum, for a range check that is cheaper than <see cref="Enum.IsDefined{TEnum}(TEnum)"/>.</summary>
/// <remarks>Valid only for enums whose named values have no gaps, which holds for the input model's enums.</remarks>
internal static class EnumRange<TEnum>
    where TEnum : struct, Enum
{
    private static readonly int Minimum = Enum.GetValues<TEnum>().Min(v => Unsafe.As<TEnum, int>(ref v));
    private static readonly int Maximum = Enum.GetValues<TEnum>().Max(v => Unsafe.As<TEnum, int>(ref v));

    public static bool Contains(TEnum value)
    {
        var number = Unsafe.As<TEnum, int>(ref value);
        return number >= Minimum && number <= Maximum;
    }
}
