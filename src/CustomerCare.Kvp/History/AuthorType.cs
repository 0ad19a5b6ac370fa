namespace CustomerCare.Kvp.History;

/// <summary>Who or what wrote an interaction. Response-time metrics count only replies by a <see cref="Person"/>.</summary>
public enum AuthorType
{
    /// <summary>The customer.</summary>
    Customer = 1,

    /// <summary>A person of the service organization, such as an agent.</summary>
    Person = 2,

    /// <summary>A bot or another automation that converses with the customer.</summary>
    Bot = 3,

    /// <summary>An automatic reply, such as a receipt confirmation.</summary>
    AutoReply = 4,
}
