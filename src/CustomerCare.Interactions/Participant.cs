using CustomerCare.Interactions.ContactPoints;

namespace CustomerCare.Interactions;

/// <summary>A party of an interaction: its role and the contact point it used.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public readonly record struct Participant
{
    /// <summary>Gets the role.</summary>
    public ParticipantRole Role { get; }

    /// <summary>Gets the contact point the party used.</summary>
    public ContactPoint ContactPoint { get; }

    /// <summary>Initializes a participant.</summary>
    /// <param name="role">The role.</param>
    /// <param name="contactPoint">The contact point the party used, such as the sender's email address.</param>
    /// <exception cref="ArgumentException"><paramref name="contactPoint"/> is <c>default</c>, or <paramref name="role"/> is not defined.</exception>
    public Participant(ParticipantRole role, ContactPoint contactPoint)
    {
        if (role is < ParticipantRole.From or > ParticipantRole.Agent)
        {
            throw new ArgumentException($"Participant role {(int)role} is not defined. Use From, To, Cc or Agent.", nameof(role));
        }

        if (contactPoint.Kind == 0)
        {
            throw new ArgumentException("The contact point is default(ContactPoint). Create it with ContactPoint.Email or another factory.", nameof(contactPoint));
        }

        Role = role;
        ContactPoint = contactPoint;
    }
}
