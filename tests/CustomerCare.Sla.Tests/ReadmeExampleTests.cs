using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare.Sla.Tests;

/// <summary>Keeps the package readme's example compiling, running and printing the output shown in its last comment.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Example_Runs()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            RunExample();
        }
        finally
        {
            Console.SetOut(previous);
        }

        Assert.Equal("Running, 2 h used, due 2026-01-12T12:00:00Z", output.ToString().Trim());
    }

    [Fact]
    public void Readme_ShowsTheTestedExample()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CustomerCare.sln")))
        {
            root = Path.GetDirectoryName(root)!;
        }

        var readme = File.ReadAllText(Path.Combine(root, "src", "CustomerCare.Sla", "README.md")).ReplaceLineEndings("\n");
        var source = File.ReadAllText(Path.Combine(root, "tests", "CustomerCare.Sla.Tests", "ReadmeExampleTests.cs")).ReplaceLineEndings("\n");

        var block = readme[(readme.IndexOf("```csharp\n", StringComparison.Ordinal) + 10)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var statements = string.Join('\n', block.Split('\n').SkipWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0)).TrimEnd();
        var example = source[(source.IndexOf("// README example begins\n", StringComparison.Ordinal) + 25)..];
        example = example[..example.IndexOf("        // README example ends", StringComparison.Ordinal)];
        var unindented = string.Join('\n', example.Split('\n').Select(l => l.Length >= 8 ? l[8..] : l.TrimStart())).TrimEnd();

        Assert.Equal(unindented, statements);
    }

    private static void RunExample()
    {
        // README example begins
        var office = new BusinessCalendarBuilder("berlin-support", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, LocalTimeRange.Parse("08:00-18:00"))
            .AddHoliday(Holiday.Annual(new AnnualDate(12, 25), "Christmas Day"))
            .Build();

        var policy = new SlaPolicyBuilder("standard-support")
            .AddRule("urgent", rule => rule
                .ForPriorities(Priority.P1)
                .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(1), BusinessCalendar.AlwaysOpenUtc, 50, 75))
            .SetDefault(rule => rule
                .AddTarget(SlaTargetKind.FirstResponse, Duration.FromHours(4), office, 50, 75, 90))
            .Build();

        var target = policy.FindTarget(SlaTargetKind.FirstResponse, Priority.P3, ServiceTier.Standard)!;
        var clock = SlaClock.Start(Instant.FromUtc(2026, 1, 9, 15, 0), target)            // Friday 16:00 in Berlin
            .Append(SlaEvent.Paused(Instant.FromUtc(2026, 1, 9, 16, 0), "waiting-for-customer"))
            .Append(SlaEvent.Resumed(Instant.FromUtc(2026, 1, 12, 9, 0)));                 // Monday 10:00

        var status = clock.Evaluate(Instant.FromUtc(2026, 1, 12, 10, 0));
        Console.WriteLine($"{status.State}, {status.Elapsed.TotalHours} h used, due {status.Deadline}");
        // Running, 2 h used, due 2026-01-12T12:00:00Z (Monday 13:00 in Berlin)
        // README example ends
    }
}
