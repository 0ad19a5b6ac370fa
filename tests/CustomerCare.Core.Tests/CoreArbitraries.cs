using CustomerCare.Core;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerCare.Core.Tests;

/// <summary>Generators for the Core value types, for FsCheck properties.</summary>
public static class CoreArbitraries
{
    private const string FirstChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string OtherChars = FirstChars + "0123456789-_.";

    /// <summary>Valid names with random case and surrounding white space, as a user might type them.</summary>
    public static Gen<string> RawName { get; } =
        from first in Gen.Elements(FirstChars.ToCharArray())
        from length in Gen.Choose(0, 63)
        from rest in Gen.ArrayOf(Gen.Elements(OtherChars.ToCharArray()), length)
        from before in Gen.Elements("", " ", "\t", "  ")
        from after in Gen.Elements("", " ", "\n")
        select before + first + new string(rest) + after;

    public static Arbitrary<Guid> NonEmptyGuid() =>
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 16)
            .Select(bytes => new Guid(bytes))
            .Where(g => g != Guid.Empty)
            .ToArbitrary();

    public static Arbitrary<Channel> Channel() =>
        RawName.Select(Core.Channel.Parse).ToArbitrary();

    public static Arbitrary<ContactReason> ContactReason() =>
        (from depth in Gen.Choose(1, Core.ContactReason.MaxDepth)
         from segments in Gen.ArrayOf(RawName, depth)
         select Core.ContactReason.Parse(string.Join('/', segments))).ToArbitrary();

    public static Arbitrary<Priority> Priority() =>
        Gen.Choose(1, Core.Priority.MaxLevel).Select(level => new Priority(level)).ToArbitrary();

    public static Arbitrary<CompetenceLevel> CompetenceLevel() =>
        (from rank in Gen.Choose(0, Core.CompetenceLevel.MaxRank)
         from name in RawName
         select new CompetenceLevel(rank, name)).ToArbitrary();
}
