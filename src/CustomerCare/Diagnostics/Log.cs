using Microsoft.Extensions.Logging;

namespace CustomerCare;

/// <summary>
/// The log messages of the CustomerCare package. Event ids 1 to 999 belong to this package and are never reused;
/// a retired message leaves its id unused.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, EventName = "ClockFromTimeProvider", Level = LogLevel.Debug,
        Message = "CustomerCare reads the current time from the registered TimeProvider {TimeProviderType}")]
    public static partial void ClockFromTimeProvider(ILogger logger, string timeProviderType);

    [LoggerMessage(EventId = 2, EventName = "ClockFromSystem", Level = LogLevel.Debug,
        Message = "CustomerCare reads the current time from the system clock because no TimeProvider or IClock is registered")]
    public static partial void ClockFromSystem(ILogger logger);
}
