namespace CustomerCare.Sop;

/// <summary>How a <see cref="TimerDelay"/> counts time.</summary>
public enum TimerDelayKind
{
    /// <summary>Elapsed time, as a stopwatch counts it; needs no calendar.</summary>
    Elapsed = 0,

    /// <summary>Business time on the host's <see cref="Core.IBusinessCalendar"/>.</summary>
    BusinessTime = 1,

    /// <summary>Whole business days on the host's <see cref="Core.IBusinessCalendar"/>, at the same local time of day.</summary>
    BusinessDays = 2,
}
