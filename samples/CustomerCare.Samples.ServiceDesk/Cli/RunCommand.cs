using System.Globalization;
using CustomerCare.Samples.ServiceDesk.Generation;
using CustomerCare.Samples.ServiceDesk.Inputs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CustomerCare.Samples.ServiceDesk.Cli;

/// <summary>Runs the service desk over generated or replayed contacts and reports what a manager wants to know.</summary>
internal sealed class RunCommand : AsyncCommand<ServiceDeskSettings>
{
    /// <summary>The exit code for a missing or unreadable input file.</summary>
    public const int InputError = 2;

    public override Task<int> ExecuteAsync(CommandContext context, ServiceDeskSettings settings, CancellationToken cancellationToken)
    {
        ContactSource source;
        try
        {
            source = SourceLoader.Load(settings);
        }
        catch (InputFileException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Input error:[/] {e.Message}");
            return Task.FromResult(InputError);
        }

        var table = new Table().AddColumns("Channel", "Contacts");
        foreach (var group in source.Contacts.GroupBy(c => c.Channel.Name).OrderByDescending(g => g.Count()))
        {
            table.AddRow(group.Key, group.Count().ToString("N0", CultureInfo.InvariantCulture));
        }

        AnsiConsole.MarkupLineInterpolated($"[bold]{source.Name}[/]: {source.Contacts.Count:N0} contacts, {source.RowsSkipped:N0} rows skipped");
        AnsiConsole.Write(table);
        return Task.FromResult(0);
    }
}
