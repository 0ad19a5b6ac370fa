using Microsoft.Extensions.Logging;

namespace CustomerCare.Sla.PublicHolidays;

/// <summary>
/// The log messages of the CustomerCare.Sla.PublicHolidays package. Event ids 2900 to 2999 of the Sla range belong to
/// this package and are never reused; a retired message leaves its id unused.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2900, EventName = "PublicHolidaysImported", Level = LogLevel.Information,
        Message = "Imported {ActiveCount} active and {DeactivatedCount} deactivated public holidays for {Region} from {FromYear} to {ToYear}; left out {DuplicateCount} duplicates and {OutsideRangeCount} outside the years")]
    public static partial void PublicHolidaysImported(
        ILogger logger, string region, int fromYear, int toYear, int activeCount, int deactivatedCount, int duplicateCount, int outsideRangeCount);
}
