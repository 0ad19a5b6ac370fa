using System.Globalization;
using CustomerCare.CompetenceRouting;
using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.CompetenceRouting.Classification;
using CustomerCare.CompetenceRouting.Ladders;
using CustomerCare.CompetenceRouting.Queueing;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Testing.CompetenceRouting;

/// <summary>Builders for routing test data: agents, concerns, a small policy and queue entries, with stable identifiers.</summary>
/// <remarks>Identifiers come from <see cref="TestIdFactory.ValueFor(long)"/>, so agent 3 is the same in every run. This type is thread-safe.</remarks>
public static class RoutingTestData
{
    /// <summary>Gets the instant the builders use unless given another: <see cref="CustomerCareTestHost.DefaultStart"/>.</summary>
    public static Instant Start => CustomerCareTestHost.DefaultStart;

    /// <summary>Returns the agent identifier with sequence number <paramref name="number"/>.</summary>
    /// <param name="number">The sequence number, 1 or greater.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is less than 1.</exception>
    public static AgentId AgentId(long number) => new(TestIdFactory.ValueFor(number));

    /// <summary>Returns the concern identifier with sequence number <paramref name="number"/>.</summary>
    /// <param name="number">The sequence number, 1 or greater.</param>
    /// <returns>The identifier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is less than 1.</exception>
    public static ConcernId ConcernId(long number) => new(TestIdFactory.ValueFor(number));

    /// <summary>Builds an agent.</summary>
    /// <param name="number">The agent's sequence number.</param>
    /// <param name="presence">The presence; available by default.</param>
    /// <param name="levels">The levels' ranks, such as <c>"1,2"</c>; level 1 by default.</param>
    /// <param name="skills">Skills with proficiency, such as <c>"billing:4,sepa:2"</c>; none by default.</param>
    /// <param name="languages">Language tags, such as <c>"de,en"</c>; German and English by default.</param>
    /// <param name="capacity">The capacity; one concern at a time on phone, email and chat by default.</param>
    /// <param name="idleSince">Since when the agent waits for work; <see cref="Start"/> minus <paramref name="number"/> minutes by default, so lower numbers waited less.</param>
    /// <returns>The agent, not stored yet.</returns>
    /// <exception cref="FormatException">A skill or language is malformed.</exception>
    public static Agent Agent(
        long number,
        Presence presence = Presence.Available,
        string levels = "1",
        string skills = "",
        string languages = "de,en",
        AgentCapacity? capacity = null,
        Instant? idleSince = null) => new()
        {
            Id = AgentId(number),
            Levels = Split(levels).Select(rank => Level(int.Parse(rank, NumberStyles.Integer, CultureInfo.InvariantCulture))).ToArray(),
            Skills = Split(skills).Select(ParseSkill).ToArray(),
            Languages = Split(languages).Select(Language.Parse).ToArray(),
            Capacity = capacity ?? AgentCapacity.OneAtATime(Channel.Phone, Channel.Email, Channel.Chat),
            Presence = presence,
            IdleSince = idleSince ?? Start - Duration.FromMinutes(number),
        };

    /// <summary>Builds a concern.</summary>
    /// <param name="number">The concern's sequence number.</param>
    /// <param name="reason">The contact reason; <c>general</c> by default.</param>
    /// <param name="complexity">The complexity; 1 by default.</param>
    /// <param name="channel">The channel; phone by default.</param>
    /// <param name="language">The language tag, or <see langword="null"/> for none (the default).</param>
    /// <param name="priority">The priority; P3 by default.</param>
    /// <param name="enqueuedAt">When it entered routing; <see cref="Start"/> by default.</param>
    /// <param name="preferredAgent">The preferred agent's sequence number, or <see langword="null"/> (the default).</param>
    /// <returns>The concern.</returns>
    public static RoutableConcern Concern(
        long number,
        string reason = "general",
        int complexity = 1,
        Channel? channel = null,
        string? language = null,
        Priority? priority = null,
        Instant? enqueuedAt = null,
        long? preferredAgent = null) => new()
        {
            Id = ConcernId(number),
            Channel = channel ?? Channel.Phone,
            Reason = ContactReason.Parse(reason),
            Complexity = complexity,
            Language = language is null ? null : Language.Parse(language),
            Priority = priority ?? Priority.P3,
            EnqueuedAt = enqueuedAt ?? Start,
            PreferredAgent = preferredAgent is { } agent ? AgentId(agent) : null,
        };

    /// <summary>
    /// Builds a small policy: every concern enters ladder <c>general</c>, whose first step takes level 1 for two
    /// minutes and whose second step takes level 2 without limit.
    /// </summary>
    /// <returns>A valid policy.</returns>
    public static RoutingPolicy SimplePolicy() => new()
    {
        DefaultRule = new ClassificationRule { Name = "general", EntryLevel = CompetenceLevel.FirstLevel, Ladder = "general" },
        Ladders =
        [
            new EscalationLadder
            {
                Name = "general",
                Steps =
                [
                    new LadderStep { Name = "first-level", Level = CompetenceLevel.FirstLevel, Timeout = Duration.FromMinutes(2) },
                    new LadderStep { Name = "specialists", Level = CompetenceLevel.SecondLevel },
                ],
            },
        ],
    };

    /// <summary>Builds a waiting queue entry for a concern on the <see cref="SimplePolicy"/> ladder, not stored yet.</summary>
    /// <param name="number">The concern's sequence number.</param>
    /// <param name="enqueuedAt">When it entered routing; <see cref="Start"/> by default.</param>
    /// <returns>The entry at step 1 with version 0.</returns>
    public static QueueEntry Entry(long number, Instant? enqueuedAt = null)
    {
        var concern = Concern(number, enqueuedAt: enqueuedAt);
        return new QueueEntry
        {
            Concern = concern,
            Classification = SimplePolicy().Classify(concern),
            Ladder = "general",
            StepIndex = 0,
            StepEnteredAt = concern.EnqueuedAt,
            StepDeadline = concern.EnqueuedAt + Duration.FromMinutes(2),
            Priority = concern.Priority,
        };
    }

    private static CompetenceLevel Level(int rank) => rank switch
    {
        0 => CompetenceLevel.SelfService,
        1 => CompetenceLevel.FirstLevel,
        2 => CompetenceLevel.SecondLevel,
        3 => CompetenceLevel.ThirdLevel,
        _ => new CompetenceLevel(rank, string.Create(CultureInfo.InvariantCulture, $"Level {rank}")),
    };

    private static SkillProficiency ParseSkill(string text)
    {
        var parts = text.Split(':');
        var level = parts.Length > 1 ? int.Parse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture) : SkillProficiency.MinLevel;
        return new SkillProficiency(Skill.Parse(parts[0]), level);
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
