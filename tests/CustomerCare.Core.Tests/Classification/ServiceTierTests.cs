using System.Text.Json;

namespace CustomerCare.Core.Tests.Classification;

public class ServiceTierTests
{
    [Fact]
    public void Parse_NormalizesName()
    {
        Assert.Equal(ServiceTier.Parse("gold"), ServiceTier.Parse(" Gold "));
        Assert.Equal("standard", ServiceTier.Standard.Name);
    }

    [Fact]
    public void Parse_Invalid_ThrowsWithReason()
    {
        var exception = Assert.Throws<FormatException>(() => ServiceTier.Parse("gold plus"));

        Assert.Contains("'gold plus'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("contains ' '", exception.Message, StringComparison.Ordinal);
        Assert.False(ServiceTier.TryParse("", out var tier));
        Assert.Equal(default, tier);
    }

    [Fact]
    public void Json_RoundTrips()
    {
        var tier = ServiceTier.Parse("vip");

        Assert.Equal("\"vip\"", JsonSerializer.Serialize(tier));
        Assert.Equal(tier, JsonSerializer.Deserialize<ServiceTier>("\"VIP\""));
    }
}
