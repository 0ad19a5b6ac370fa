using NodaTime;

namespace CustomerCare.Sop;

/// <summary>
/// The implementations of the guards that procedure definitions name, such as <c>within-reopen-window</c>.
/// </summary>
/// <remarks>
/// <para>
/// A definition names its guards, so that it can be stored as JSON; <see cref="ProcedureCatalog.Add"/> looks each
/// name up here and rejects a definition that names a guard without an implementation. A rejected trigger reports
/// the names of its unmet guards, so choose names that a person understands.
/// </para>
/// <para>
/// Guards must be pure functions of their <see cref="GuardContext"/>: no I/O, no side effects. For one state and
/// trigger, at most one guard may hold at a time.
/// </para>
/// <para>Add every guard before registering a definition; after that the set is read from several threads.</para>
/// </remarks>
public sealed class ProcedureGuards
{
    private readonly Dictionary<string, Func<GuardContext, bool>> _guards = new(StringComparer.Ordinal);

    /// <summary>Gets the guard names, in ordinal order.</summary>
    public IReadOnlyList<string> Names => _guards.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Adds a guard.</summary>
    /// <param name="name">The name that definitions use, such as <c>within-reopen-window</c>.</param>
    /// <param name="predicate">The pure predicate; <see langword="true"/> when the transition is allowed.</param>
    /// <returns>This set, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="predicate"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid name, or a guard of that name exists.</exception>
    public ProcedureGuards Add(string name, Func<GuardContext, bool> predicate)
    {
        Guard.NotNullOrWhiteSpace(name);
        Guard.NotNull(predicate);
        if (!NameToken.TryNormalize(name, out var normalized, out var reason))
        {
            throw new ArgumentException($"'{name}' is not a valid guard name because {reason}. Use a name such as 'within-reopen-window'.", nameof(name));
        }

        if (!_guards.TryAdd(normalized, predicate))
        {
            throw new ArgumentException($"A guard named '{normalized}' already exists. Give each guard its own name.", nameof(name));
        }

        return this;
    }

    /// <summary>Adds every guard of <paramref name="other"/>.</summary>
    /// <param name="other">The guards to add.</param>
    /// <returns>This set, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="other"/> is null.</exception>
    /// <exception cref="ArgumentException">A guard of <paramref name="other"/> has the name of one in this set.</exception>
    public ProcedureGuards AddRange(ProcedureGuards other)
    {
        Guard.NotNull(other);
        foreach (var (name, predicate) in other._guards)
        {
            Add(name, predicate);
        }

        return this;
    }

    /// <summary>Returns whether a guard named <paramref name="name"/> exists.</summary>
    /// <param name="name">The guard name.</param>
    /// <returns><see langword="true"/> when the set has an implementation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool Contains(string name) => _guards.ContainsKey(Guard.NotNull(name));

    /// <summary>Returns a predicate that holds when the field <paramref name="field"/> will have the value <paramref name="value"/>.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">The value, compared ordinally.</param>
    /// <returns>The predicate.</returns>
    /// <exception cref="ArgumentException"><paramref name="field"/> or <paramref name="value"/> is null or white space.</exception>
    public static Func<GuardContext, bool> FieldEquals(string field, string value)
    {
        Guard.NotNullOrWhiteSpace(field);
        Guard.NotNullOrWhiteSpace(value);
        return context => string.Equals(context.GetField(field), value, StringComparison.Ordinal);
    }

    /// <summary>Returns a predicate that holds while less than <paramref name="window"/> has elapsed since the concern entered its current state.</summary>
    /// <param name="window">The window, positive.</param>
    /// <returns>The predicate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is zero or negative.</exception>
    public static Func<GuardContext, bool> WithinStateWindow(Duration window)
    {
        Guard.Positive(window);
        return context => context.Now - context.Snapshot.StateEnteredAt < window;
    }

    internal Func<GuardContext, bool>? Find(string name) => _guards.GetValueOrDefault(name);
}
