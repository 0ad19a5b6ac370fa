using System.Globalization;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Explanations;

/// <summary>A concern leaving one ladder step for another, or running off the end of its ladder.</summary>
/// <param name="At">When the change happened.</param>
/// <param name="FromLadder">The ladder the concern was on.</param>
/// <param name="FromStep">The step it left, starting at 0.</param>
/// <param name="ToLadder">The ladder it is on now.</param>
/// <param name="ToStep">The step it entered, or <see langword="null"/> when it ran off the end and stays, exhausted, where it was.</param>
/// <param name="Reason">Why it left the step.</param>
public sealed record StepChange(Instant At, string FromLadder, int FromStep, string ToLadder, int? ToStep, StepChangeReason Reason)
{
    /// <summary>Describes the change for people.</summary>
    /// <returns>A fragment such as <c>left billing step 1 (TimedOut) for step 2</c>.</returns>
    public override string ToString()
    {
        var from = string.Create(CultureInfo.InvariantCulture, $"left {FromLadder} step {FromStep + 1} ({Reason})");
        if (ToStep is not { } to)
        {
            return from + ": no step left, ladder exhausted";
        }

        return FromLadder == ToLadder
            ? from + string.Create(CultureInfo.InvariantCulture, $" for step {to + 1}")
            : from + string.Create(CultureInfo.InvariantCulture, $" for {ToLadder} step {to + 1}");
    }
}
