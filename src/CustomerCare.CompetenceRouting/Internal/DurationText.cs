using System.Globalization;
using System.Text;
using NodaTime;

namespace CustomerCare.CompetenceRouting;

/// <summary>Formats durations for people, such as <c>1h 30m</c> or <c>45s</c>.</summary>
internal static class DurationText
{
    public static string Format(Duration duration)
    {
        if (duration == Duration.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        if (duration < Duration.Zero)
        {
            text.Append('-');
            duration = -duration;
        }

        Append(text, duration.Days, 'd');
        Append(text, duration.Hours, 'h');
        Append(text, duration.Minutes, 'm');
        var seconds = duration.Seconds;
        var milliseconds = duration.SubsecondNanoseconds / 1_000_000;
        if (milliseconds > 0 && duration < Duration.FromMinutes(1))
        {
            text.Append(CultureInfo.InvariantCulture, $"{seconds}.{milliseconds:000}s");
        }
        else
        {
            Append(text, seconds, 's');
        }

        return text.Length == 0 ? "0s" : text.ToString().TrimEnd();
    }

    private static void Append(StringBuilder text, int value, char unit)
    {
        if (value != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{value}{unit} ");
        }
    }
}
