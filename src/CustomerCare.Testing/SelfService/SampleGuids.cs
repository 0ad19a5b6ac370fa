namespace CustomerCare.Testing.SelfService;

/// <summary>Identifier values for ordering tests, chosen to expose stores that sort by bytes in the wrong order.</summary>
internal static class SampleGuids
{
    /// <summary>
    /// Returns the extremes of each field of a <see cref="Guid"/> (highest bit set or clear) and 40 values drawn with a
    /// fixed seed: distinct, non-empty, in no particular order.
    /// </summary>
    /// <returns>The values.</returns>
    public static List<Guid> Arbitrary()
    {
        var values = new List<Guid>
        {
            Guid.Parse("00000000-0000-0000-0000-000000000001"),
            Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff"),
            Guid.Parse("80000000-0000-0000-0000-000000000000"),
            Guid.Parse("7fffffff-ffff-ffff-ffff-ffffffffffff"),
            Guid.Parse("00000001-0000-0000-0000-000000000000"),
            Guid.Parse("00000000-8000-0000-0000-000000000000"),
            Guid.Parse("00000000-7fff-0000-0000-000000000000"),
            Guid.Parse("00000000-0000-8000-0000-000000000000"),
            Guid.Parse("00000000-0000-0000-8000-000000000000"),
            Guid.Parse("00000000-0000-0000-0000-800000000000"),
        };

        var random = new Random(20260105);
        var bytes = new byte[16];
        for (var i = 0; i < 40; i++)
        {
            random.NextBytes(bytes);
            values.Add(new Guid(bytes));
        }

        return [.. values.Distinct()];
    }
}
