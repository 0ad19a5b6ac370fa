using System.Globalization;
using System.Text;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Ladders;

/// <summary>
/// One step of an escalation ladder: which agents may take the concern, how long the step lasts, whether it is
/// skipped when no one is available, and how much more urgent the concern becomes.
/// </summary>
/// <remarks>
/// <para>
/// The agents a step accepts are those at <see cref="Level"/> who have the classification's skills, with
/// <see cref="MinimumProficiency"/> replacing the rule's minimums when it is set, plus the step's own
/// <see cref="Skills"/>; who serve the concern's language when <see cref="MatchLanguage"/> is set; and who are the
/// concern's preferred agent when <see cref="PreferredAgentOnly"/> is set.
/// </para>
/// <para>
/// Timeouts add up against the concern's age: a step that follows a timed-out step ends its own timeout after the
/// previous step's deadline, so three 5-minute steps end 5, 10 and 15 minutes after the concern entered. An offer
/// that is rejected or times out does not restart the step. A step entered in another way (at the start, after a
/// skip, an escalation or a reclassification) counts its timeout from that moment. With
/// <see cref="CountBusinessTime"/> the timeout counts business time on the ladder's calendar, so a two-hour step
/// entered at 17:30 on a Friday with 08:00–18:00 hours ends at 09:30 on Monday.
/// </para>
/// <para>This type is immutable and thread-safe. <see cref="RoutingPolicy.Validate"/> checks it with the ladder.</para>
/// </remarks>
public sealed record LadderStep
{
    private readonly string _name = string.Empty;
    private readonly ValueList<SkillRequirement> _skills = ValueList<SkillRequirement>.Empty;

    /// <summary>Gets the step's name for explanations and logs, or an empty string for none (the default).</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public string Name
    {
        get => _name;
        init => _name = Guard.NotNull(value);
    }

    /// <summary>Gets the competence level agents must work at.</summary>
    public required CompetenceLevel Level { get; init; }

    /// <summary>Gets skills the step requires on top of the classification's skills; empty by default.</summary>
    /// <remarks>A skill that the classification also requires takes the step's minimum.</remarks>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public IReadOnlyList<SkillRequirement> Skills
    {
        get => _skills;
        init => _skills = ValueList<SkillRequirement>.From(Guard.NotNull(value));
    }

    /// <summary>
    /// Gets the minimum proficiency that replaces the classification rule's minimums, 1 to 5, or
    /// <see langword="null"/> to keep them (the default). Later steps lower it to widen the pool.
    /// </summary>
    public int? MinimumProficiency { get; init; }

    /// <summary>Gets a value indicating whether agents must serve the concern's language; <see langword="true"/> by default.</summary>
    public bool MatchLanguage { get; init; } = true;

    /// <summary>
    /// Gets a value indicating whether only the concern's preferred agent may take it; <see langword="false"/> by default.
    /// </summary>
    /// <remarks>
    /// The step is dropped at once when the concern has no preferred agent, or when that agent is offline, away,
    /// unknown or no longer meets the step, or rejected the offer. While the agent is busy or at capacity, the concern
    /// waits for the step's timeout.
    /// </remarks>
    public bool PreferredAgentOnly { get; init; }

    /// <summary>
    /// Gets how long the step lasts, or <see langword="null"/> to wait without limit, which only the last step may do
    /// (the default is <see langword="null"/>).
    /// </summary>
    public Duration? Timeout { get; init; }

    /// <summary>
    /// Gets a value indicating whether <see cref="Timeout"/> counts business time on the ladder's calendar instead of
    /// elapsed time; <see langword="false"/> by default.
    /// </summary>
    public bool CountBusinessTime { get; init; }

    /// <summary>
    /// Gets a value indicating whether the step is skipped when no agent that meets it is available now, whatever their
    /// capacity; <see langword="false"/> by default. It is checked whenever the concern is routed while on the step.
    /// </summary>
    public bool SkipIfNoneAvailable { get; init; }

    /// <summary>
    /// Gets how many priority levels more urgent the concern becomes while on this step, 0 to 8; 0 by default.
    /// A boost of 1 makes a P3 concern P2. Boosts do not add up across steps.
    /// </summary>
    public int PriorityBoost { get; init; }

    /// <summary>Describes the step for people.</summary>
    /// <returns>A fragment such as <c>'specialists': level 2 (Specialists), proficiency ≥ 3, timeout 2h business time, skip if none available, boost 1</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (_name.Length > 0)
        {
            text.Append('\'').Append(_name).Append("': ");
        }

        text.Append(PreferredAgentOnly ? "preferred agent at level " : "level ").Append(Level);
        if (_skills.Count > 0)
        {
            text.Append(", skills ").AppendJoin(", ", _skills);
        }

        if (MinimumProficiency is { } minimum)
        {
            text.Append(CultureInfo.InvariantCulture, $", proficiency ≥ {minimum}");
        }

        if (!MatchLanguage)
        {
            text.Append(", any language");
        }

        text.Append(", timeout ").Append(Timeout is { } timeout ? DurationText.Format(timeout) : "none");
        if (CountBusinessTime)
        {
            text.Append(" business time");
        }

        if (SkipIfNoneAvailable)
        {
            text.Append(", skip if none available");
        }

        if (PriorityBoost != 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", boost {PriorityBoost}");
        }

        return text.ToString();
    }
}
