using CustomerCare.Samples.ServiceDesk.Cli;

namespace CustomerCare.Samples.ServiceDesk.Tests.Cli;

public class DatabaseTargetTests
{
    [Theory]
    [InlineData(null, "Sqlite", "Data Source=servicedesk.db")]
    [InlineData("memory", "Memory", "")]
    [InlineData("run.db", "Sqlite", "Data Source=run.db")]
    [InlineData("sqlite:/tmp/x.db", "Sqlite", "Data Source=/tmp/x.db")]
    [InlineData("Data Source=a.db;Pooling=false", "Sqlite", "Data Source=a.db;Pooling=false")]
    [InlineData("postgres://cc:s%40cret@db.local:5433/care", "PostgreSql", "Host=db.local;Port=5433;Database=care;Username=cc;Password=s@cret")]
    [InlineData("postgresql://cc@localhost/care?SSL Mode=Disable", "PostgreSql", "Host=localhost;Port=5432;Database=care;Username=cc;SSL Mode=Disable")]
    [InlineData("Host=localhost;Database=care", "PostgreSql", "Host=localhost;Database=care")]
    public void Parse_Forms_KindAndConnectionString(string? value, string kind, string connectionString)
    {
        var target = DatabaseTarget.Parse(value);

        Assert.Equal(kind, target.Kind.ToString());
        Assert.Equal(connectionString, target.ConnectionString);
    }

    [Fact]
    public void Parse_PostgresUrl_DisplayMasksPassword()
    {
        var target = DatabaseTarget.Parse("postgres://cc:secret@localhost:5432/care");

        Assert.DoesNotContain("secret", target.Display, StringComparison.Ordinal);
        Assert.Contains("cc:***@localhost", target.Display, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mysql://x/y")]
    [InlineData("postgres://localhost")]
    public void Parse_Invalid_FormatExceptionNamesForms(string value)
    {
        var error = Assert.Throws<FormatException>(() => DatabaseTarget.Parse(value));

        Assert.Contains("Expected 'memory'", error.Message, StringComparison.Ordinal);
    }
}
