namespace CustomerCare.CompetenceRouting.Agents;

/// <summary>Whether an agent can receive offers now.</summary>
/// <remarks>Only <see cref="Available"/> agents receive offers. The default, <see cref="Offline"/>, is the safe one.</remarks>
public enum Presence
{
    /// <summary>Not at work: signed out, off shift or absent.</summary>
    Offline = 0,

    /// <summary>At work and ready for offers, as far as capacity allows.</summary>
    Available = 1,

    /// <summary>At work but not taking offers for a short while, such as during after-call work or a meeting.</summary>
    Busy = 2,

    /// <summary>At work but away from the desk, such as on a break.</summary>
    Away = 3,
}
