using CustomerCare.Core;

namespace CustomerCare.Sop;

/// <summary>
/// Who performed an operation on a concern: an agent, the customer, an approver or the system (a timer), by
/// identifier only so that audit trails and logs carry no personal data.
/// </summary>
/// <remarks>
/// <para>
/// The identifier is a formatted CustomerCare identifier such as <c>agt_…</c> or <c>cus_…</c>, the word
/// <c>system</c>, or a host identifier of 1 to 128 characters without white space, such as an employee number.
/// </para>
/// <para><c>default(Actor)</c> has an empty identifier and is rejected by every operation.</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public readonly record struct Actor
{
    /// <summary>The maximum length of an identifier.</summary>
    public const int MaxLength = 128;

    private const string SystemId = "system";

    private readonly string? _id;

    /// <summary>Initializes a new actor.</summary>
    /// <param name="id">The identifier, such as <c>agt_0192f0c1a2b37c4d8e9f00112233aabb</c> or <c>system</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, longer than <see cref="MaxLength"/> or contains white space.</exception>
    public Actor(string id)
    {
        Guard.NotNull(id);
        if (id.Length == 0 || id.Length > MaxLength || id.AsSpan().ContainsAny(" \t\r\n"))
        {
            throw new ArgumentException(
                $"An actor identifier must be 1 to {MaxLength} characters without white space, but was '{id}'. Use an agent or customer identifier, or 'system'.",
                nameof(id));
        }

        _id = id;
    }

    /// <summary>Gets the system actor, which performs timer-fired transitions.</summary>
    public static Actor System { get; } = new(SystemId);

    /// <summary>Gets the identifier, or an empty string for <c>default(Actor)</c>.</summary>
    public string Id => _id ?? string.Empty;

    /// <summary>Gets a value indicating whether this is <see cref="System"/>.</summary>
    public bool IsSystem => string.Equals(_id, SystemId, StringComparison.Ordinal);

    /// <summary>Gets a value indicating whether this is <c>default(Actor)</c>, which no operation accepts.</summary>
    public bool IsDefault => _id is null;

    /// <summary>Returns the actor for an agent.</summary>
    /// <param name="agent">The agent.</param>
    /// <returns>An actor whose identifier is the formatted agent identifier.</returns>
    public static Actor FromAgent(AgentId agent) => new(agent.ToString());

    /// <summary>Returns the actor for a customer, for example one who confirms a resolution.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>An actor whose identifier is the formatted customer identifier.</returns>
    public static Actor FromCustomer(CustomerId customer) => new(customer.ToString());

    /// <summary>Returns the identifier.</summary>
    /// <returns>The identifier, or an empty string for <c>default(Actor)</c>.</returns>
    public override string ToString() => Id;

    /// <summary>Returns whether both actors have the same identifier.</summary>
    /// <param name="other">The actor to compare with.</param>
    /// <returns><see langword="true"/> when the identifiers are equal ordinally.</returns>
    public bool Equals(Actor other) => string.Equals(_id, other._id, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => _id is null ? 0 : StringComparer.Ordinal.GetHashCode(_id);

    internal static Actor Require(Actor actor, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(actor))] string? paramName = null)
    {
        if (actor.IsDefault)
        {
            throw new ArgumentException("The actor is default(Actor). Pass Actor.FromAgent(...), Actor.FromCustomer(...) or Actor.System.", paramName);
        }

        return actor;
    }
}
