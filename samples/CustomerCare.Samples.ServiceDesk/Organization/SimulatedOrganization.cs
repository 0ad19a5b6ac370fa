using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.PublicHolidays;
using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Organization;

/// <summary>
/// The simulated service organization: an office calendar with the region's public holidays, the channels' opening
/// hours, and agents on three competence levels in two weekday shifts plus a Saturday shift for written channels.
/// </summary>
internal sealed class SimulatedOrganization
{
    private static readonly string[] AgentNames =
    [
        "Alex", "Bea", "Chris", "Dana", "Emil", "Fatma", "Gero", "Hira", "Ines", "Jan", "Kemal", "Lena", "Mio", "Nils",
        "Ole", "Pia", "Quirin", "Rana", "Sven", "Tara",
    ];

    private SimulatedOrganization(BusinessCalendar office, IReadOnlyList<ChannelHours> channels, IReadOnlyList<AgentProfile> agents, string region)
    {
        Office = office;
        Channels = channels;
        Agents = agents;
        Region = region;
    }

    /// <summary>Gets the office calendar: Monday to Friday 08:00-18:00 without public holidays.</summary>
    public BusinessCalendar Office { get; }

    public IReadOnlyList<ChannelHours> Channels { get; }

    public IReadOnlyList<AgentProfile> Agents { get; }

    /// <summary>Gets the region whose public holidays close the office, such as <c>DE-BE</c>.</summary>
    public string Region { get; }

    /// <summary>Gets the public holidays that fall into the years the calendars cover.</summary>
    public IReadOnlyList<Holiday> Holidays => Office.Holidays;

    /// <summary>Builds the organization for a period.</summary>
    /// <param name="zone">The office's time zone.</param>
    /// <param name="region">The holiday region, an ISO 3166-1 or 3166-2 code.</param>
    /// <param name="from">The first day of the period.</param>
    /// <param name="to">The last day of the period.</param>
    /// <param name="scale">How many agents per level compared with the default of 10, 5 and 2; at least 1 each.</param>
    public static SimulatedOrganization Build(DateTimeZone zone, string region, LocalDate from, LocalDate to, double scale = 1)
    {
        var holidays = PublicHolidayImporter.Import(region, from.Year, to.Year).Holidays;
        BusinessCalendar Calendar(string id, IsoDayOfWeek first, IsoDayOfWeek last, string hours) =>
            new BusinessCalendarBuilder(id, zone)
                .AddHours(first, last, LocalTimeRange.Parse(hours))
                .AddHolidays(holidays)
                .Build();

        var office = Calendar("office", IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, "08:00-18:00");
        var always = BusinessCalendar.AlwaysOpen("always-open", zone);
        var holidayText = $"closed on public holidays ({region})";
        var channels = new List<ChannelHours>
        {
            new(Channel.Phone, office, $"Mon-Fri 08:00-18:00, {holidayText}"),
            new(Channel.Chat, Calendar("chat", IsoDayOfWeek.Monday, IsoDayOfWeek.Saturday, "08:00-20:00"), $"Mon-Sat 08:00-20:00, {holidayText}"),
            new(Channel.Email, always, "always"),
            new(Channel.Web, always, "always"),
            new(Channel.SocialMedia, always, "always"),
            new(Channel.Letter, always, "always (post is opened on business days)"),
            new(Channel.Fax, always, "always"),
        };

        var early = Calendar("shift-early", IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, "07:30-16:00");
        var late = Calendar("shift-late", IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, "09:30-18:00");
        var saturday = Calendar("shift-saturday", IsoDayOfWeek.Saturday, IsoDayOfWeek.Saturday, "09:00-14:00");

        var agents = new List<AgentProfile>();
        var counts = new[] { Math.Max(1, (int)Math.Round(10 * scale)), Math.Max(1, (int)Math.Round(5 * scale)), Math.Max(1, (int)Math.Round(2 * scale)) };
        string[][] skillSets =
        [
            ["billing", "account"], ["account", "sales"], ["network", "account"], ["billing", "sales"], ["network", "sales"],
        ];
        for (var level = 1; level <= 3; level++)
        {
            for (var i = 0; i < counts[level - 1]; i++)
            {
                var number = agents.Count;
                var skills = level == 3 ? ["network", "billing", "legal"] : skillSets[i % skillSets.Length];
                string[] languages = i % 3 == 2 ? ["en"] : ["de", "en"];
                var (shift, shiftName) = (level, i) switch
                {
                    (1, 0) => (saturday, "Saturday (09:00-14:00)"),
                    (_, var n) when n % 2 == 0 => (early, "early (07:30-16:00)"),
                    _ => (late, "late (09:30-18:00)"),
                };
                agents.Add(new AgentProfile(
                    $"agent-l{level}-{i + 1:D2}", $"{AgentNames[number % AgentNames.Length]} (L{level})", level, skills, languages, shift, shiftName));
            }
        }

        return new SimulatedOrganization(office, channels, agents, region);
    }
}
