using CustomerCare.Core;
using NodaTime;

namespace CustomerCare;

/// <summary>Checks that customers can reach the organization on at least one channel at every instant of a week.</summary>
public static class ChannelReachability
{
    private static readonly Duration Step = Duration.FromMinutes(1);

    /// <summary>Analyzes one week: each channel's open time and every gap in which no channel is open.</summary>
    /// <param name="channelHours">The opening hours of each channel.</param>
    /// <param name="zone">The time zone of the week and of the reported gaps.</param>
    /// <param name="weekStart">The first local date of the week, usually a Monday.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="channelHours"/> or <paramref name="zone"/> is null.</exception>
    /// <remarks>
    /// <para>
    /// The week runs from local midnight of <paramref name="weekStart"/> to local midnight seven days later, mapped
    /// leniently (a midnight in a daylight-saving gap moves forward), so it contains every instant whose local date is in
    /// the week. A local time that the zone skips cannot be a gap: in Europe/Berlin on 29 March 2026 nothing is missing
    /// between 01:59 and 03:00. On 25 October 2026 the hour from 02:00 to 03:00 happens twice and both passes are checked;
    /// a calendar that closes at 02:00 closes at the later 02:00 (the Sla calendar rule for an ambiguous closing), so a
    /// channel closed from 02:00 to 03:00 leaves a gap of one elapsed hour, not two.
    /// </para>
    /// <para>
    /// Gaps are found at whole minutes from the start of the week, so a closing that is not on a whole minute is
    /// reported at the next minute. Open times are exact.
    /// </para>
    /// </remarks>
    public static ReachabilityReport Analyze(IReadOnlyDictionary<Channel, IBusinessCalendar> channelHours, DateTimeZone zone, LocalDate weekStart)
    {
        Guard.NotNull(channelHours);
        Guard.NotNull(zone);

        var start = zone.AtStartOfDay(weekStart).ToInstant();
        var end = zone.AtStartOfDay(weekStart.PlusDays(7)).ToInstant();
        var channels = channelHours.Select(pair => new ChannelOpenTime(pair.Key, pair.Value.BusinessTimeBetween(start, end))).ToList();

        var calendars = channelHours.Values.ToArray();
        var gaps = new List<ReachabilityGap>();
        Instant? gapStart = null;
        for (var instant = start; instant < end; instant += Step)
        {
            var open = Array.Exists(calendars, c => c.IsBusinessTime(instant));
            if (!open && gapStart is null)
            {
                gapStart = instant;
            }
            else if (open && gapStart is { } from)
            {
                gaps.Add(CreateGap(from, instant, zone));
                gapStart = null;
            }
        }

        if (gapStart is { } last)
        {
            gaps.Add(CreateGap(last, end, zone));
        }

        return new ReachabilityReport(zone, weekStart, start, end, channels, gaps);
    }

    private static ReachabilityGap CreateGap(Instant from, Instant to, DateTimeZone zone) =>
        new(from, to, from.InZone(zone).LocalDateTime, to.InZone(zone).LocalDateTime);
}
