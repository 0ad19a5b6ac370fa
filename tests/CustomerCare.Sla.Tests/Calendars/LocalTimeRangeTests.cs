using CustomerCare.Sla.Calendars;
using NodaTime;

namespace CustomerCare.Sla.Tests.Calendars;

public class LocalTimeRangeTests
{
    [Theory]
    [InlineData("08:00-18:00", "08:00", "18:00", false, 600, "08:00-18:00")]
    [InlineData(" 08:00 - 18:00 ", "08:00", "18:00", false, 600, "08:00-18:00")]
    [InlineData("22:00-06:00", "22:00", "06:00", true, 480, "22:00-06:00")]
    [InlineData("13:00-24:00", "13:00", "00:00", false, 660, "13:00-24:00")]
    [InlineData("13:00-00:00", "13:00", "00:00", false, 660, "13:00-24:00")]
    [InlineData("00:00-24:00", "00:00", "00:00", false, 1440, "00:00-24:00")]
    [InlineData("08:00-08:00", "08:00", "08:00", true, 1440, "08:00-08:00")]
    [InlineData("08:30:15-09:00:00", "08:30:15", "09:00", false, 29, "08:30:15-09:00")]
    [InlineData("08:00-24:00:00", "08:00", "00:00", false, 960, "08:00-24:00")]
    public void Parse_ValidText_ReadsRange(string text, string start, string end, bool overnight, int minutes, string formatted)
    {
        var range = LocalTimeRange.Parse(text);

        Assert.Equal(NodaTime.Text.LocalTimePattern.ExtendedIso.Parse(start.Length == 5 ? start + ":00" : start).Value, range.Start);
        Assert.Equal(NodaTime.Text.LocalTimePattern.ExtendedIso.Parse(end + ":00").Value, range.End);
        Assert.Equal(overnight, range.IsOvernight);
        Assert.Equal(minutes, (int)range.Length.TotalMinutes);
        Assert.Equal(formatted, range.ToString());
    }

    [Theory]
    [InlineData("", "it needs exactly one '-'")]
    [InlineData("08:00", "it needs exactly one '-'")]
    [InlineData("08:00-12:00-14:00", "it needs exactly one '-'")]
    [InlineData("24:00-08:00", "the start is 24:00, which is allowed as an end only")]
    [InlineData("8:00-12:00", "the start '8:00' is not a time of day")]
    [InlineData("08:00-12:60", "the end '12:60' is not a time of day")]
    [InlineData("08:00-24:01", "the end '24:01' is not a time of day")]
    public void Parse_InvalidText_SaysWhy(string text, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => LocalTimeRange.Parse(text));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.Contains("'HH:mm-HH:mm'", exception.Message, StringComparison.Ordinal);
        Assert.False(LocalTimeRange.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => LocalTimeRange.Parse(null!));
        Assert.False(LocalTimeRange.TryParse(null, out _));
    }

    [Fact]
    public void Equality_ComparesStartAndEnd()
    {
        var range = new LocalTimeRange(new LocalTime(8, 0), new LocalTime(12, 0));

        Assert.Equal(LocalTimeRange.Parse("08:00-12:00"), range);
        Assert.True(range == LocalTimeRange.Parse("08:00-12:00"));
        Assert.True(range != LocalTimeRange.Parse("08:00-12:01"));
        Assert.Equal(range.GetHashCode(), LocalTimeRange.Parse("08:00-12:00").GetHashCode());
        Assert.False(range.Equals((object)"08:00-12:00"));
        Assert.Equal(LocalTimeRange.Parse("00:00-24:00"), default);
    }
}
