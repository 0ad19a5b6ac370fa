using CustomerCare.Core;
using CustomerCare.Sla.Calendars;

namespace CustomerCare.Samples.ServiceDesk.Organization;

/// <summary>When a channel is open, as a calendar and as text for the report.</summary>
internal sealed record ChannelHours(Channel Channel, BusinessCalendar Calendar, string Description);
