namespace CustomerCare.CompetenceRouting.Explanations;

/// <summary>Why an agent cannot take a concern at a ladder step, in the order in which the checks run.</summary>
/// <remarks>
/// An agent is checked against a step in the order of the values below and gets the first reason that applies, so
/// each agent is counted under exactly one reason. Two exceptions to the order: an agent with no free units at all is
/// excluded for <see cref="NoCapacity"/> right after the presence checks, and a missing skill comes before a skill
/// below its minimum, whichever skill is listed first.
/// </remarks>
public enum ExclusionReason
{
    /// <summary>The agent is not excluded: it can take the concern.</summary>
    None = 0,

    /// <summary>The step is for the concern's preferred agent only, and this is another agent.</summary>
    NotPreferredAgent = 1,

    /// <summary>The agent does not work at the step's competence level.</summary>
    WrongLevel = 2,

    /// <summary>The agent is offline.</summary>
    Offline = 3,

    /// <summary>The agent is away, such as on a break.</summary>
    Away = 4,

    /// <summary>The agent is busy with work that routing does not assign.</summary>
    Busy = 5,

    /// <summary>The agent lacks a required skill.</summary>
    SkillMissing = 6,

    /// <summary>The agent has every required skill, but one below the minimum proficiency.</summary>
    SkillBelowMinimum = 7,

    /// <summary>The agent does not serve the concern's language.</summary>
    WrongLanguage = 8,

    /// <summary>The agent does not serve the concern's channel.</summary>
    ChannelNotServed = 9,

    /// <summary>
    /// The agent's free capacity is less than what a concern on the channel costs. An agent without any free units is
    /// checked for this right after its presence.
    /// </summary>
    NoCapacity = 10,

    /// <summary>The agent rejected an offer of this concern before.</summary>
    RejectedOffer = 11,
}
