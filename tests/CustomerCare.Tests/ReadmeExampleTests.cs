using CustomerCare.Core;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CustomerCare.Tests;

/// <summary>
/// Keeps the README's first C# example compiling and running. The example's statements are the body of
/// <see cref="RunExampleAsync"/> and its using directives are this file's, so a test fails when the README's copy
/// drifts from them.
/// </summary>
public class ReadmeExampleTests
{
    [Fact]
    public async Task Example_Runs()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            await RunExampleAsync([]);
        }
        finally
        {
            Console.SetOut(previous);
        }

        // The host's console logger writes to the same output, so look for the example's own line.
        Assert.Contains("P2", output.ToString().Split('\n').Select(l => l.Trim()));
    }

    [Fact]
    public void Readme_ShowsTheTestedExample()
    {
        var readme = File.ReadAllText(Path.Combine(Conventions.Repository.Root, "README.md"));
        var source = File.ReadAllText(Path.Combine(Conventions.Repository.Root, "tests", "CustomerCare.Tests", "ReadmeExampleTests.cs"));

        var block = ExtractFirstCSharpBlock(readme).Split('\n');
        var usings = block.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal)).ToArray();
        var statements = string.Join('\n', block.Skip(usings.Length).SkipWhile(string.IsNullOrWhiteSpace));

        Assert.NotEmpty(usings);
        Assert.All(usings.Where(u => u != "using CustomerCare;"), u => Assert.Contains(u + "\n", source, StringComparison.Ordinal));
        Assert.Equal(ExtractExample(source), statements);
    }

    private static async Task RunExampleAsync(string[] args)
    {
        // README example begins
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddCustomerCare(options =>
        {
            options.TimeZone = "Europe/Berlin";
        })
            .UseInMemoryStores(); // or UseSqlite("Data Source=customercare.db") from CustomerCare.Storage.Sqlite to keep the data

        using var host = builder.Build();
        await host.StartAsync(); // validates the options: a bad value stops the start here

        var matrix = host.Services.GetRequiredService<PriorityMatrix>();
        Console.WriteLine(matrix.GetPriority(Impact.High, Urgency.Medium)); // P2

        await host.StopAsync();
        // README example ends
    }

    private static string ExtractFirstCSharpBlock(string markdown)
    {
        var start = markdown.IndexOf("```csharp\n", StringComparison.Ordinal) + "```csharp\n".Length;
        var end = markdown.IndexOf("```", start, StringComparison.Ordinal);
        return markdown[start..end].TrimEnd();
    }

    private static string ExtractExample(string source)
    {
        var lines = source.Split('\n');
        var first = Array.FindIndex(lines, l => l.Trim() == "// README example begins") + 1;
        var last = Array.FindIndex(lines, l => l.Trim() == "// README example ends");
        return string.Join('\n', lines[first..last].Select(l => l.Length >= 8 ? l[8..] : l.TrimStart())).TrimEnd();
    }
}
