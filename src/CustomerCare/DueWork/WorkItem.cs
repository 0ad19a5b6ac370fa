using NodaTime;

namespace CustomerCare.DueWork;

/// <summary>
/// A unit of work that falls due at an instant, such as an SLA warning, an SOP timer or an outbox message that
/// must be sent after a state change was stored.
/// </summary>
/// <remarks>
/// <para>
/// The <see cref="Key"/> identifies the work for idempotency: scheduling the same key again never creates a second
/// item, so a retried operation or two host instances that schedule the same timer produce one item. Use keys that
/// name the cause, such as <c>sla-warning:con_…:first-response:75</c>.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class WorkItem : IEquatable<WorkItem>
{
    /// <summary>The maximum length of <see cref="Key"/>.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>The maximum length of <see cref="Kind"/>.</summary>
    public const int MaxKindLength = 100;

    /// <summary>Initializes a new work item.</summary>
    /// <param name="key">The idempotency key, 1 to <see cref="MaxKeyLength"/> characters without control characters.</param>
    /// <param name="kind">Selects the handler, such as <c>sla.warning</c>; 1 to <see cref="MaxKindLength"/> characters.</param>
    /// <param name="dueAt">The instant from which the item may be processed.</param>
    /// <param name="payload">The handler's input, opaque to the queue, such as a JSON document; may be empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/>, <paramref name="kind"/> or <paramref name="payload"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="key"/> or <paramref name="kind"/> is blank, too long or contains a control character.</exception>
    public WorkItem(string key, string kind, Instant dueAt, string payload)
    {
        Key = CheckText(key, MaxKeyLength);
        Kind = CheckText(kind, MaxKindLength);
        DueAt = dueAt;
        Payload = Guard.NotNull(payload);
    }

    /// <summary>Gets the idempotency key.</summary>
    public string Key { get; }

    /// <summary>Gets the kind, which selects the handler.</summary>
    public string Kind { get; }

    /// <summary>Gets the instant from which the item may be processed.</summary>
    public Instant DueAt { get; }

    /// <summary>Gets the handler's input.</summary>
    public string Payload { get; }

    /// <summary>Returns whether both items have the same key, kind, due instant and payload.</summary>
    /// <param name="other">The item to compare with.</param>
    /// <returns><see langword="true"/> when every property is equal.</returns>
    public bool Equals(WorkItem? other) =>
        other is not null
        && string.Equals(Key, other.Key, StringComparison.Ordinal)
        && string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && DueAt == other.DueAt
        && string.Equals(Payload, other.Payload, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WorkItem);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Key), DueAt);

    /// <summary>Returns the kind, the key and the due instant, for logs and test output.</summary>
    /// <returns>Text such as <c>sla.warning sla-warning:con_…:75 due 2026-01-05T10:00:00Z</c>.</returns>
    public override string ToString() => $"{Kind} {Key} due {DueAt}";

    /// <summary>Returns whether both items are equal, or both are null.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(WorkItem? left, WorkItem? right) => left?.Equals(right) ?? right is null;

    /// <summary>Returns whether the items differ.</summary>
    /// <param name="left">The first item.</param>
    /// <param name="right">The second item.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(WorkItem? left, WorkItem? right) => !(left == right);

    private static string CheckText(string value, int maxLength, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        Guard.NotNullOrWhiteSpace(value, name);
        if (value.Length > maxLength)
        {
            throw new ArgumentException($"The {name} has {value.Length} characters; the maximum is {maxLength}. Use a shorter {name}.", name);
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new ArgumentException($"The {name} '{value}' contains a control character. Use printable characters only.", name);
            }
        }

        return value;
    }
}
