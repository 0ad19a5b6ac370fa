using CustomerCare.Sla.Calendars;

namespace CustomerCare.Samples.ServiceDesk.Organization;

/// <summary>One simulated agent: competence level, skills, languages and the shift calendar they work on.</summary>
/// <param name="Key">A stable key such as <c>agent-l1-03</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Level">The competence level, 1 to 3.</param>
/// <param name="Skills">The skills, such as <c>billing</c> or <c>network</c>.</param>
/// <param name="Languages">The languages as ISO 639-1 codes.</param>
/// <param name="Shift">When the agent works: weekly hours and the office's public holidays.</param>
/// <param name="ShiftName">The shift's name for reports, such as "early (07:30-16:00)".</param>
internal sealed record AgentProfile(
    string Key,
    string Name,
    int Level,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Languages,
    BusinessCalendar Shift,
    string ShiftName);
