using System.Text.Json;
using FsCheck.Xunit;

namespace CustomerCare.Core.Tests.Priorities;

public class PriorityTests
{
    [Theory]
    [InlineData("P1", 1)]
    [InlineData("p3", 3)]
    [InlineData(" P9 ", 9)]
    public void Parse_TextForm_ReturnsLevel(string text, int level)
    {
        Assert.Equal(level, Priority.Parse(text).Level);
    }

    [Theory]
    [InlineData("P0")]
    [InlineData("P10")]
    [InlineData("1")]
    [InlineData("High")]
    [InlineData("")]
    public void Parse_Invalid_ThrowsWithExample(string text)
    {
        var exception = Assert.Throws<FormatException>(() => Priority.Parse(text));

        Assert.Contains($"'{text}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'P2'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(-1)]
    public void Constructor_OutOfRange_Throws(int level)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new Priority(level));

        Assert.Equal("level", exception.ParamName);
    }

    [Fact]
    public void Sorting_PutsMostUrgentFirst()
    {
        var sorted = new[] { Priority.P3, Priority.P1, Priority.P5, Priority.P2 }.Order().ToArray();

        Assert.Equal([Priority.P1, Priority.P2, Priority.P3, Priority.P5], sorted);
        Assert.True(Priority.P1.IsMoreUrgentThan(Priority.P2));
        Assert.False(Priority.P2.IsMoreUrgentThan(Priority.P2));
    }

    [Fact]
    public void Json_WritesTextForm()
    {
        Assert.Equal("\"P2\"", JsonSerializer.Serialize(Priority.P2));
        Assert.Equal(Priority.P4, JsonSerializer.Deserialize<Priority>("\"p4\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Priority>("2"));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(Priority)));
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)])]
    public bool ParseFormat_RoundTrips(Priority priority)
    {
        return Priority.Parse(priority.ToString()) == priority
            && JsonSerializer.Deserialize<Priority>(JsonSerializer.Serialize(priority)) == priority;
    }
}
