using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CustomerCare.Core.Tests.Priorities;

public class PriorityMatrixTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 2, 2)]
    [InlineData(1, 3, 3)]
    [InlineData(2, 1, 2)]
    [InlineData(2, 2, 3)]
    [InlineData(2, 3, 4)]
    [InlineData(3, 1, 3)]
    [InlineData(3, 2, 4)]
    [InlineData(3, 3, 5)]
    public void Default_IsItilThreeByThree(int impact, int urgency, int priority)
    {
        Assert.Equal(new Priority(priority), PriorityMatrix.Default.GetPriority(new Impact(impact), new Urgency(urgency)));
    }

    [Fact]
    public void Default_Shape()
    {
        Assert.Equal(3, PriorityMatrix.Default.ImpactLevels);
        Assert.Equal(3, PriorityMatrix.Default.UrgencyLevels);
        Assert.Equal(5, PriorityMatrix.Default.PriorityLevels);
        Assert.Equal("P1 P2 P3 / P2 P3 P4 / P3 P4 P5", PriorityMatrix.Default.ToString());
    }

    [Fact]
    public void Custom_FourByFour()
    {
        var matrix = new PriorityMatrix([[1, 1, 2, 3], [1, 2, 3, 4], [2, 3, 4, 4], [3, 4, 4, 4]]);

        Assert.Equal(Priority.P1, matrix.GetPriority(new Impact(2), Urgency.High));
        Assert.Equal(Priority.P4, matrix.GetPriority(new Impact(4), new Urgency(4)));
        Assert.Equal(4, matrix.PriorityLevels);
    }

    [Fact]
    public void GetPriority_LevelOutsideMatrix_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => PriorityMatrix.Default.GetPriority(new Impact(4), Urgency.High));

        Assert.Equal("impact", exception.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => PriorityMatrix.Default.GetPriority(Impact.High, default));
    }

    [Fact]
    public void Constructor_Ragged_NamesRow()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => new PriorityMatrix([[1, 2, 3], [2, 3]]));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("priority matrix → impact 2", error.Path);
        Assert.Contains("has 2 cells but impact 1 has 3", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NotMonotonic_NamesCellAndNeighbour()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => new PriorityMatrix([[1, 2, 3], [2, 1, 4], [3, 4, 5]]));

        Assert.Equal(2, exception.Errors.Count);
        Assert.All(exception.Errors, e => Assert.Equal("priority matrix → impact 2, urgency 2", e.Path));
        Assert.Contains(exception.Errors, e => e.Problem.Contains("higher impact 1", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Problem.Contains("higher urgency 1", StringComparison.Ordinal));
        Assert.All(exception.Errors, e => Assert.Equal("P1", e.Value));
    }

    [Fact]
    public void Constructor_Gap_NamesMissingPriority()
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => new PriorityMatrix([[1, 3], [3, 4]]));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("never yields P2 but yields P4", error.Problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void Constructor_CellOutOfRange_ReportsValue(int cell)
    {
        var exception = Assert.Throws<CustomerCareValidationException>(() => new PriorityMatrix([[1, cell]]));

        Assert.Contains(exception.Errors, e => e.Value == cell.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.Path == "priority matrix → impact 1, urgency 2");
    }

    [Fact]
    public void Constructor_EmptyOrNull_Rejected()
    {
        Assert.Throws<CustomerCareValidationException>(() => new PriorityMatrix([]));
        Assert.Throws<CustomerCareValidationException>(() => new PriorityMatrix([[]]));
        Assert.Throws<ArgumentNullException>(() => new PriorityMatrix(null!));
        Assert.Throws<ArgumentException>(() => new PriorityMatrix([[1], null!]));
    }

    [Fact]
    public void Equality_ByCells()
    {
        var copy = new PriorityMatrix(PriorityMatrix.Default.ToRows());

        Assert.Equal(PriorityMatrix.Default, copy);
        Assert.True(PriorityMatrix.Default == copy);
        Assert.Equal(PriorityMatrix.Default.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(PriorityMatrix.Default, new PriorityMatrix([[1, 2, 3, 4, 5]]));
        Assert.NotEqual(new PriorityMatrix([[1, 2], [2, 3]]), new PriorityMatrix([[1, 2, 2, 3]]));
    }

    /// <summary>Every matrix built by adding non-negative steps along rows and columns is valid, and lookups agree with its cells.</summary>
    [Property(MaxTest = 300)]
    public Property MonotonicMatrices_AreAcceptedAndMonotonic()
    {
        var gen =
            from rows in Gen.Choose(1, 5)
            from columns in Gen.Choose(1, 5)
            from steps in Gen.ArrayOf(Gen.Choose(0, 1), rows * columns)
            select Build(rows, columns, steps);

        return Prop.ForAll(gen.ToArbitrary(), cells =>
        {
            var matrix = new PriorityMatrix(cells);
            for (var i = 1; i <= matrix.ImpactLevels; i++)
            {
                for (var u = 1; u <= matrix.UrgencyLevels; u++)
                {
                    var p = matrix.GetPriority(new Impact(i), new Urgency(u));
                    if (p.Level != cells[i - 1][u - 1]
                        || (i > 1 && p.IsMoreUrgentThan(matrix.GetPriority(new Impact(i - 1), new Urgency(u))))
                        || (u > 1 && p.IsMoreUrgentThan(matrix.GetPriority(new Impact(i), new Urgency(u - 1)))))
                    {
                        return false;
                    }
                }
            }

            return true;
        });
    }

    private static int[][] Build(int rows, int columns, int[] steps)
    {
        // Each cell is the larger of its upper and left neighbours plus a step of 0 or 1, capped at P9,
        // so the matrix is monotonic and its levels have no gaps.
        var cells = new int[rows][];
        for (var i = 0; i < rows; i++)
        {
            cells[i] = new int[columns];
            for (var u = 0; u < columns; u++)
            {
                var above = i > 0 ? cells[i - 1][u] : 1;
                var left = u > 0 ? cells[i][u - 1] : 1;
                cells[i][u] = Math.Min(Priority.MaxLevel, Math.Max(above, left) + (i + u == 0 ? 0 : steps[(i * columns) + u]));
            }
        }

        return cells;
    }
}
