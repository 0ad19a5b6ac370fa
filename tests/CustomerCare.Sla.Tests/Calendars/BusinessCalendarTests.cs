namespace CustomerCare.Sla.Tests.Calendars;

/// <summary>Tests of <see cref="CustomerCare.Sla.Calendars.BusinessCalendar"/>, split by concern into partial files.</summary>
public partial class BusinessCalendarTests
{
}
