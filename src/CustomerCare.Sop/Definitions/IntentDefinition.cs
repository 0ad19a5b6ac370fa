namespace CustomerCare.Sop;

/// <summary>
/// A side effect that a state entry, a state exit or a transition records in the outbox, such as
/// <c>notify customer</c> or <c>pause-sla-clock resolution</c>. The host executes it after the new state is stored.
/// </summary>
/// <remarks>
/// The kind is a name such as those in <see cref="IntentKinds"/>; hosts may add their own. The parameter says whom or
/// what the intent is about, such as the audience of a notification or the SLA target of a clock. This type is
/// immutable and thread-safe.
/// </remarks>
public readonly record struct IntentDefinition
{
    /// <summary>Initializes a new intent.</summary>
    /// <param name="kind">The kind, such as <see cref="IntentKinds.Notify"/>.</param>
    /// <param name="parameter">Whom or what the intent is about, such as <c>customer</c>; optional.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is null or white space.</exception>
    public IntentDefinition(string kind, string? parameter = null)
    {
        Kind = Names.Normalize(Guard.NotNullOrWhiteSpace(kind));
        Parameter = string.IsNullOrWhiteSpace(parameter) ? null : parameter.Trim();
    }

    /// <summary>Gets the kind, such as <c>notify</c>.</summary>
    public string Kind { get; }

    /// <summary>Gets whom or what the intent is about, or <see langword="null"/>.</summary>
    public string? Parameter { get; }

    /// <summary>Returns the kind and the parameter, such as <c>notify customer</c>.</summary>
    /// <returns>The intent as text.</returns>
    public override string ToString() => Parameter is null ? Kind ?? string.Empty : $"{Kind} {Parameter}";
}
