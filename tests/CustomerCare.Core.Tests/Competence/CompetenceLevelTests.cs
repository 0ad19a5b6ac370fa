using FsCheck.Xunit;

namespace CustomerCare.Core.Tests.Competence;

public class CompetenceLevelTests
{
    [Fact]
    public void WellKnown_Ranks()
    {
        Assert.Equal(0, CompetenceLevel.SelfService.Rank);
        Assert.True(CompetenceLevel.SelfService.IsSelfService);
        Assert.Equal(1, CompetenceLevel.FirstLevel.Rank);
        Assert.Equal(2, CompetenceLevel.SecondLevel.Rank);
        Assert.Equal(3, CompetenceLevel.ThirdLevel.Rank);
    }

    [Fact]
    public void Equality_IgnoresName()
    {
        var configured = new CompetenceLevel(2, "Billing specialists");

        Assert.Equal(CompetenceLevel.SecondLevel, configured);
        Assert.True(configured == CompetenceLevel.SecondLevel);
        Assert.Equal("Billing specialists", configured.Name);
        Assert.Equal("2 (Billing specialists)", configured.ToString());
    }

    [Fact]
    public void Ordering_DeeperIsGreater()
    {
        Assert.True(CompetenceLevel.ThirdLevel > CompetenceLevel.FirstLevel);
        Assert.True(CompetenceLevel.ThirdLevel.IsDeeperThan(CompetenceLevel.SecondLevel));
        Assert.False(CompetenceLevel.FirstLevel.IsDeeperThan(CompetenceLevel.FirstLevel));
        Assert.True(CompetenceLevel.SelfService <= CompetenceLevel.SelfService);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void Constructor_RankOutOfRange_Throws(int rank)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompetenceLevel(rank, "x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => new CompetenceLevel(1, name));
    }

    [Fact]
    public void Default_HasGeneratedName()
    {
        Assert.Equal("Level 0", default(CompetenceLevel).Name);
    }

    [Property(Arbitrary = [typeof(CoreArbitraries)])]
    public bool CompareTo_AgreesWithRank(CompetenceLevel left, CompetenceLevel right)
    {
        return Math.Sign(left.CompareTo(right)) == Math.Sign(left.Rank.CompareTo(right.Rank))
            && (left == right) == (left.Rank == right.Rank);
    }
}
