using CustomerCare.CompetenceRouting.Agents;
using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Organization;
using NodaTime;

namespace CustomerCare.Samples.ServiceDesk.Simulation;

/// <summary>Turns the simulated agents into the routing package's agents.</summary>
internal static class AgentFactory
{
    /// <summary>
    /// Creates the agent, offline until their shift starts. An agent has three capacity units: a call takes all three,
    /// a chat two, a written concern one, so an agent handles one call, or a chat and a letter, or three e-mails at once.
    /// </summary>
    public static Agent Create(AgentProfile profile, Instant idleSince) => new()
    {
        Id = IdFor(profile),
        Levels = [Level(profile.Level)],
        Skills = [.. profile.Skills.Select(s => new SkillProficiency(Skill.Parse(s), 3))],
        Languages = [.. profile.Languages.Select(Language.Parse)],
        Capacity = new AgentCapacity(3,
        [
            new(Channel.Phone, 3), new(Channel.Chat, 2), new(Channel.Email, 1), new(Channel.Web, 1), new(Channel.SocialMedia, 1),
            new(Channel.Letter, 1), new(Channel.Fax, 1), new(Channel.Parse("referral"), 1), new(Channel.Parse("unknown"), 1),
        ]),
        Presence = Presence.Offline,
        IdleSince = idleSince,
    };

    public static CompetenceLevel Level(int rank) => rank switch
    {
        1 => CompetenceLevel.FirstLevel,
        2 => CompetenceLevel.SecondLevel,
        _ => CompetenceLevel.ThirdLevel,
    };

    // Agent ids in the UUID version 7 layout with a hash of the key in the random bits, so a run's ids are repeatable.
    private static AgentId IdFor(AgentProfile profile)
    {
        Span<byte> bytes = stackalloc byte[16];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(profile.Key)).AsSpan(0, 16).CopyTo(bytes);
        bytes[0] = 4;
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new AgentId(new Guid(bytes, bigEndian: true));
    }
}
