using System.Text;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting.Ladders;

/// <summary>
/// An ordered list of steps that a concern walks through until an agent accepts it: deeper levels, wider skill
/// minimums or other languages as time passes.
/// </summary>
/// <remarks>
/// <para>
/// A concern enters at the first step whose level is at least its classification's entry level. It moves to the next
/// step when the step's timeout passes, when the step is skipped, or when it is escalated. Running off the end is
/// reported as "ladder exhausted". The concern keeps waiting at the last step, flagged, until the host or its
/// procedure acts, so it is never dropped.
/// </para>
/// <para>This type is immutable and thread-safe. <see cref="RoutingPolicy.Validate"/> checks it.</para>
/// </remarks>
public sealed record EscalationLadder
{
    private readonly string _name = string.Empty;
    private readonly ValueList<LadderStep> _steps = ValueList<LadderStep>.Empty;

    /// <summary>Gets the ladder's name, unique in the policy, such as <c>billing</c>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required string Name
    {
        get => _name;
        init => _name = Guard.NotNull(value);
    }

    /// <summary>Gets the steps in order; at least one.</summary>
    /// <exception cref="ArgumentNullException">The value or a step is null.</exception>
    public required IReadOnlyList<LadderStep> Steps
    {
        get => _steps;
        init => _steps = ValueList<LadderStep>.From(Guard.NoNullElements(value));
    }

    /// <summary>
    /// Gets the calendar on which steps with <see cref="LadderStep.CountBusinessTime"/> count, and on which the SLA
    /// risk of the ladder's concerns is measured; <see langword="null"/> for elapsed time only (the default).
    /// </summary>
    public IBusinessCalendar? Calendar { get; init; }

    /// <summary>
    /// Gets the name under which the calendar was resolved from JSON, or <see langword="null"/> (the default).
    /// JSON writes it back.
    /// </summary>
    public string? CalendarName { get; init; }

    /// <summary>
    /// Gets how agents are chosen among those who meet a step of this ladder, or <see langword="null"/> to use the
    /// policy's <see cref="RoutingPolicy.Distribution"/> (the default).
    /// </summary>
    public DistributionMode? Distribution { get; init; }

    /// <summary>Returns the index of the step at which a concern with <paramref name="entryLevel"/> enters.</summary>
    /// <param name="entryLevel">The classification's entry level.</param>
    /// <returns>The first step whose level is at least <paramref name="entryLevel"/>, or -1 when there is none.</returns>
    public int EntryStepFor(CompetenceLevel entryLevel)
    {
        for (var i = 0; i < _steps.Count; i++)
        {
            if (_steps[i].Level >= entryLevel)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns the first step after <paramref name="stepIndex"/> at a deeper level than that step.</summary>
    /// <param name="stepIndex">The current step.</param>
    /// <returns>The index of the deeper step, or -1 when the ladder has none.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stepIndex"/> is not a step of this ladder.</exception>
    public int NextDeeperStep(int stepIndex)
    {
        Guard.InRange(stepIndex, 0, _steps.Count - 1);
        var level = _steps[stepIndex].Level;
        for (var i = stepIndex + 1; i < _steps.Count; i++)
        {
            if (_steps[i].Level > level)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Describes the ladder for people, one step per line.</summary>
    /// <returns>The name followed by the numbered steps.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("ladder '").Append(_name).Append('\'');
        for (var i = 0; i < _steps.Count; i++)
        {
            text.AppendLine().Append("  ").Append(i + 1).Append(". ").Append(_steps[i]);
        }

        return text.ToString();
    }
}
