namespace CustomerCare.Interactions.Identity;

/// <summary>How sure identity resolution is that a contact belongs to a known customer.</summary>
public enum MatchConfidence
{
    /// <summary>No known customer matches; the contact is from a new customer.</summary>
    New = 0,

    /// <summary>A folded contact point matches, such as a Gmail address written without its dots; a person should confirm.</summary>
    Probable = 1,

    /// <summary>A normalized contact point matches exactly: the same external id, email address, phone number, chat handle or web account.</summary>
    Exact = 2,
}
