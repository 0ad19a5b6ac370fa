using System.Globalization;
using System.Text;

namespace CustomerCare.Core;

/// <summary>
/// Derives the ITIL <see cref="Priority"/> of a concern from its <see cref="Impact"/> and <see cref="Urgency"/>.
/// </summary>
/// <remarks>
/// <para>
/// Rows are impact levels and columns are urgency levels, both starting at level 1 (high). Each cell holds a
/// priority level. <see cref="Default"/> is the common 3 × 3 matrix:
/// </para>
/// <code>
///               urgency high  medium  low
/// impact high          P1     P2      P3
/// impact medium        P2     P3      P4
/// impact low           P3     P4      P5
/// </code>
/// <para>
/// A valid matrix is rectangular with 1 to 9 rows and columns, and its cells hold levels from 1 to 9 that form a
/// sequence without gaps starting at P1. It is also monotonic: lowering the impact or the urgency never yields a
/// more urgent priority. The constructor reports every cell that breaks a rule.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class PriorityMatrix : IEquatable<PriorityMatrix>
{
    private readonly int[] _cells;

    /// <summary>Initializes a new matrix from its rows.</summary>
    /// <param name="rows">One row per impact level from high to low; each row holds one priority level per urgency level from high to low.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rows"/> or one of its rows is null.</exception>
    /// <exception cref="CustomerCareValidationException">The matrix breaks a rule; the errors name each offending cell.</exception>
    public PriorityMatrix(IReadOnlyList<IReadOnlyList<int>> rows)
    {
        Guard.NotNull(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null)
            {
                throw new ArgumentException($"Row {i + 1} is null. Give every impact level a row of priority levels.", nameof(rows));
            }
        }

        var errors = Validate(rows);
        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }

        ImpactLevels = rows.Count;
        UrgencyLevels = rows[0].Count;
        _cells = new int[ImpactLevels * UrgencyLevels];
        for (var i = 0; i < ImpactLevels; i++)
        {
            for (var u = 0; u < UrgencyLevels; u++)
            {
                _cells[(i * UrgencyLevels) + u] = rows[i][u];
                PriorityLevels = Math.Max(PriorityLevels, rows[i][u]);
            }
        }
    }

    /// <summary>Gets the common ITIL 3 × 3 matrix that maps to P1 through P5.</summary>
    public static PriorityMatrix Default { get; } = new([[1, 2, 3], [2, 3, 4], [3, 4, 5]]);

    /// <summary>Gets the number of impact levels (rows).</summary>
    public int ImpactLevels { get; }

    /// <summary>Gets the number of urgency levels (columns).</summary>
    public int UrgencyLevels { get; }

    /// <summary>Gets the number of priority levels the matrix produces, the level of its least urgent cell.</summary>
    public int PriorityLevels { get; }

    /// <summary>Returns the priority for an impact and an urgency.</summary>
    /// <param name="impact">The impact, level 1 to <see cref="ImpactLevels"/>.</param>
    /// <param name="urgency">The urgency, level 1 to <see cref="UrgencyLevels"/>.</param>
    /// <returns>The priority in the matching cell.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A level is outside this matrix, or a value is <c>default</c>.</exception>
    public Priority GetPriority(Impact impact, Urgency urgency)
    {
        Guard.InRange(impact.Level, 1, ImpactLevels, nameof(impact));
        Guard.InRange(urgency.Level, 1, UrgencyLevels, nameof(urgency));
        return new Priority(_cells[((impact.Level - 1) * UrgencyLevels) + urgency.Level - 1]);
    }

    /// <summary>Returns the rows of priority levels, in the form the constructor takes.</summary>
    /// <returns>A new copy of the rows.</returns>
    public IReadOnlyList<IReadOnlyList<int>> ToRows()
    {
        var rows = new int[ImpactLevels][];
        for (var i = 0; i < ImpactLevels; i++)
        {
            rows[i] = _cells.AsSpan(i * UrgencyLevels, UrgencyLevels).ToArray();
        }

        return rows;
    }

    /// <summary>Returns whether both matrices have the same shape and cells.</summary>
    /// <param name="other">The matrix to compare with.</param>
    /// <returns><see langword="true"/> when the matrices map every impact and urgency to the same priority.</returns>
    public bool Equals(PriorityMatrix? other) =>
        other is not null && UrgencyLevels == other.UrgencyLevels && _cells.AsSpan().SequenceEqual(other._cells);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as PriorityMatrix);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(UrgencyLevels);
        hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_cells.AsSpan()));
        return hash.ToHashCode();
    }

    /// <summary>Returns the rows as text, such as <c>P1 P2 P3 / P2 P3 P4 / P3 P4 P5</c>.</summary>
    /// <returns>The cells row by row.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < ImpactLevels; i++)
        {
            if (i > 0)
            {
                text.Append(" / ");
            }

            for (var u = 0; u < UrgencyLevels; u++)
            {
                text.Append(u > 0 ? " P" : "P").Append(_cells[(i * UrgencyLevels) + u].ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>Returns whether both matrices are equal, or both are null.</summary>
    /// <param name="left">The first matrix.</param>
    /// <param name="right">The second matrix.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(PriorityMatrix? left, PriorityMatrix? right) => left?.Equals(right) ?? right is null;

    /// <summary>Returns whether the matrices differ.</summary>
    /// <param name="left">The first matrix.</param>
    /// <param name="right">The second matrix.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PriorityMatrix? left, PriorityMatrix? right) => !(left == right);

    private static List<ValidationError> Validate(IReadOnlyList<IReadOnlyList<int>> rows)
    {
        var errors = new List<ValidationError>();
        if (rows.Count is 0 or > Impact.MaxLevel)
        {
            errors.Add(new ValidationError(
                "priority matrix",
                $"has {rows.Count} impact rows",
                $"Give it 1 to {Impact.MaxLevel} rows, one per impact level."));
            return errors;
        }

        var columns = rows[0].Count;
        if (columns is 0 or > Urgency.MaxLevel)
        {
            errors.Add(new ValidationError(
                "priority matrix → impact 1",
                $"has {columns} urgency columns",
                $"Give each row 1 to {Urgency.MaxLevel} cells, one per urgency level."));
            return errors;
        }

        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Count != columns)
            {
                errors.Add(new ValidationError(
                    $"priority matrix → impact {i + 1}",
                    $"has {rows[i].Count} cells but impact 1 has {columns}",
                    "Give every row the same number of cells."));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var used = new bool[Priority.MaxLevel + 1];
        for (var i = 0; i < rows.Count; i++)
        {
            for (var u = 0; u < columns; u++)
            {
                var cell = rows[i][u];
                var path = $"priority matrix → impact {i + 1}, urgency {u + 1}";
                if (cell is < 1 or > Priority.MaxLevel)
                {
                    errors.Add(new ValidationError(path, "is not a priority level", $"Use a level from 1 to {Priority.MaxLevel}.", Format(cell)));
                    continue;
                }

                used[cell] = true;
                if (i > 0 && rows[i - 1][u] is >= 1 and <= Priority.MaxLevel && cell < rows[i - 1][u])
                {
                    errors.Add(new ValidationError(
                        path,
                        $"is more urgent than P{Format(rows[i - 1][u])} at the higher impact {i}",
                        "A lower impact must not give a more urgent priority; raise this level or lower the one above.",
                        "P" + Format(cell)));
                }

                if (u > 0 && rows[i][u - 1] is >= 1 and <= Priority.MaxLevel && cell < rows[i][u - 1])
                {
                    errors.Add(new ValidationError(
                        path,
                        $"is more urgent than P{Format(rows[i][u - 1])} at the higher urgency {u}",
                        "A lower urgency must not give a more urgent priority; raise this level or lower the one to its left.",
                        "P" + Format(cell)));
                }
            }
        }

        var highest = Array.LastIndexOf(used, true);
        for (var level = 1; level < highest; level++)
        {
            if (!used[level])
            {
                errors.Add(new ValidationError(
                    "priority matrix",
                    $"never yields P{Format(level)} but yields P{Format(highest)}",
                    "Number the priorities without gaps, starting at P1."));
            }
        }

        return errors;
    }

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
