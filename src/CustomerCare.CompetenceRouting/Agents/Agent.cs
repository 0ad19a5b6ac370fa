using System.Globalization;
using System.Text;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>
/// A person or automation that handles concerns: competence levels, skills, languages, capacity, presence and the
/// capacity held for concerns right now.
/// </summary>
/// <remarks>
/// <para>
/// The record contains identifiers and routing facts only, no names or contact details. Change it with <c>with</c>
/// expressions or the <c>With…</c> methods; the agent directory stores it with an optimistic <see cref="Version"/>.
/// </para>
/// <para>
/// <see cref="IdleSince"/> orders agents for longest-idle distribution. The directory sets it to the current instant
/// when the agent becomes available, when capacity is claimed for a new concern and when a concern is released, so
/// the agent who waited longest for new work comes first.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed record Agent
{
    private readonly AgentId _id;
    private readonly ValueList<CompetenceLevel> _levels = ValueList<CompetenceLevel>.Empty;
    private readonly ValueList<SkillProficiency> _skills = ValueList<SkillProficiency>.Empty;
    private readonly ValueList<Language> _languages = ValueList<Language>.Empty;
    private readonly AgentCapacity _capacity = AgentCapacity.OneAtATime();
    private readonly Presence _presence;
    private readonly ValueList<AgentAssignment> _assignments = ValueList<AgentAssignment>.Empty;
    private readonly long _version;

    /// <summary>Gets the agent's identifier.</summary>
    /// <exception cref="ArgumentException">The value is <c>default</c>.</exception>
    public required AgentId Id
    {
        get => _id;
        init => _id = Guard.NotDefault(value);
    }

    /// <summary>Gets the competence levels the agent works at, sorted by rank without duplicates.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">The value is empty.</exception>
    public required IReadOnlyList<CompetenceLevel> Levels
    {
        get => _levels;
        init
        {
            var levels = Guard.NotNull(value).DistinctBy(l => l.Rank).OrderBy(l => l.Rank).ToArray();
            if (levels.Length == 0)
            {
                throw new ArgumentException($"Agent {_id} needs at least one competence level. Add the level the agent works at.", nameof(value));
            }

            _levels = ValueList<CompetenceLevel>.Wrap(levels);
        }
    }

    /// <summary>Gets the agent's skills, sorted by skill name; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">A skill is listed twice.</exception>
    public IReadOnlyList<SkillProficiency> Skills
    {
        get => _skills;
        init
        {
            var skills = Guard.NotNull(value).OrderBy(s => s.Skill).ToArray();
            for (var i = 1; i < skills.Length; i++)
            {
                if (skills[i].Skill == skills[i - 1].Skill)
                {
                    throw new ArgumentException($"Skill '{skills[i].Skill}' is listed twice for agent {_id}. Give each skill one proficiency.", nameof(value));
                }
            }

            _skills = ValueList<SkillProficiency>.Wrap(skills);
        }
    }

    /// <summary>Gets the languages the agent serves in, sorted without duplicates; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">A language is <c>default</c>.</exception>
    public IReadOnlyList<Language> Languages
    {
        get => _languages;
        init
        {
            var languages = Guard.NotNull(value).Distinct().Order().ToArray();
            if (languages.Length > 0 && languages[0] == default)
            {
                throw new ArgumentException($"A language of agent {_id} is default(Language). Use Language.Parse.", nameof(value));
            }

            _languages = ValueList<Language>.Wrap(languages);
        }
    }

    /// <summary>Gets the agent's capacity: units, and the cost of a concern per served channel.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    public required AgentCapacity Capacity
    {
        get => _capacity;
        init => _capacity = Guard.NotNull(value);
    }

    /// <summary>Gets whether the agent can receive offers now; <see cref="Presence.Offline"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="Agents.Presence"/>.</exception>
    public Presence Presence
    {
        get => _presence;
        init => _presence = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Presence must be Offline, Available, Busy or Away.");
    }

    /// <summary>Gets the capacity the agent holds for concerns now, one entry per concern; empty by default.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="ArgumentException">A concern is listed twice.</exception>
    public IReadOnlyList<AgentAssignment> Assignments
    {
        get => _assignments;
        init
        {
            var assignments = Guard.NotNull(value).ToArray();
            if (assignments.DistinctBy(a => a.ConcernId).Count() != assignments.Length)
            {
                throw new ArgumentException($"A concern is listed twice in the assignments of agent {_id}. Hold capacity once per concern.", nameof(value));
            }

            _assignments = ValueList<AgentAssignment>.Wrap(assignments);
        }
    }

    /// <summary>Gets the instant since which the agent has waited for new work; see the remarks.</summary>
    public Instant IdleSince { get; init; }

    /// <summary>Gets the stored version: 0 before the first save, then 1, 2, ... with each write.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public long Version
    {
        get => _version;
        init => _version = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Versions start at 0 (not stored yet).");
    }

    /// <summary>Gets the units held for concerns now.</summary>
    public int Load
    {
        get
        {
            var load = 0;
            foreach (var assignment in _assignments.AsSpan())
            {
                load += assignment.Cost;
            }

            return load;
        }
    }

    /// <summary>Gets the units still free, negative when the capacity was lowered below the load.</summary>
    public int FreeUnits => _capacity.Units - Load;

    /// <summary>Returns whether the agent works at <paramref name="level"/>.</summary>
    /// <param name="level">The level.</param>
    /// <returns><see langword="true"/> when <see cref="Levels"/> contains a level of the same rank.</returns>
    public bool WorksAt(CompetenceLevel level)
    {
        foreach (var own in _levels.AsSpan())
        {
            if (own.Rank == level.Rank)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the agent's proficiency in <paramref name="skill"/>.</summary>
    /// <param name="skill">The skill.</param>
    /// <returns>1 to 5, or 0 when the agent does not have the skill.</returns>
    public int ProficiencyIn(Skill skill)
    {
        foreach (var own in _skills.AsSpan())
        {
            if (own.Skill == skill)
            {
                return own.Level;
            }
        }

        return 0;
    }

    /// <summary>Returns whether the agent serves a concern in <paramref name="language"/>.</summary>
    /// <param name="language">The concern's language.</param>
    /// <returns><see langword="true"/> when one of <see cref="Languages"/> covers it; see <see cref="Language.Covers(Language)"/>.</returns>
    public bool Serves(Language language)
    {
        foreach (var own in _languages.AsSpan())
        {
            if (own.Covers(language))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether the agent holds capacity for <paramref name="concernId"/>.</summary>
    /// <param name="concernId">The concern.</param>
    /// <returns><see langword="true"/> when <see cref="Assignments"/> contains the concern.</returns>
    public bool Holds(ConcernId concernId)
    {
        foreach (var assignment in _assignments.AsSpan())
        {
            if (assignment.ConcernId == concernId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns a copy with another presence; becoming available restarts <see cref="IdleSince"/>.</summary>
    /// <param name="presence">The new presence.</param>
    /// <param name="at">The instant of the change.</param>
    /// <returns>The changed agent, or this agent when the presence is the same.</returns>
    public Agent WithPresence(Presence presence, Instant at)
    {
        if (presence == _presence)
        {
            return this;
        }

        return presence == Presence.Available
            ? this with { Presence = presence, IdleSince = at }
            : this with { Presence = presence };
    }

    /// <summary>Returns a copy that holds capacity for one more concern and waits for new work from <paramref name="at"/>.</summary>
    /// <param name="assignment">The capacity to hold.</param>
    /// <param name="at">The instant of the claim.</param>
    /// <returns>The changed agent, or this agent when it already holds capacity for the concern.</returns>
    public Agent WithAssignment(AgentAssignment assignment, Instant at) =>
        Holds(assignment.ConcernId) ? this : this with { Assignments = _assignments.Add(assignment), IdleSince = at };

    /// <summary>Returns a copy that no longer holds capacity for <paramref name="concernId"/>.</summary>
    /// <param name="concernId">The concern to release.</param>
    /// <param name="at">The instant of the release, from which the agent waits for new work.</param>
    /// <returns>The changed agent, or this agent when it holds nothing for the concern.</returns>
    public Agent WithoutAssignment(ConcernId concernId, Instant at) =>
        Holds(concernId)
            ? this with { Assignments = _assignments.Where(a => a.ConcernId != concernId).ToArray(), IdleSince = at }
            : this;

    /// <summary>Returns a one-line description of the agent's routing facts.</summary>
    /// <returns>A line such as <c>agt_… levels 1, 2; skills billing 4; languages de, en; Available; load 20 of 100 units</c>.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(_id).Append(" levels ").AppendJoin(", ", _levels.Select(l => l.Rank));
        text.Append("; skills ").Append(_skills.Count == 0 ? "none" : string.Join(", ", _skills));
        text.Append("; languages ").Append(_languages.Count == 0 ? "none" : string.Join(", ", _languages));
        text.Append("; ").Append(_presence);
        text.Append(CultureInfo.InvariantCulture, $"; load {Load} of {_capacity.Units} units");
        return text.ToString();
    }
}
