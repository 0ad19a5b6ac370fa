using CustomerCare.Samples.ServiceDesk.Cli;
using Spectre.Console.Cli;

var app = new CommandApp<RunCommand>();
app.Configure(config =>
{
    config.SetApplicationName("dotnet run --project samples/CustomerCare.Samples.ServiceDesk --");
    config.UseStrictParsing();
    config.AddExample("--database", "memory", "--days", "3");
    config.AddExample("--cfpb", "complaints_sample.csv", "--database", "memory");
    config.AddExample("--uci", "incident_event_log_sample.csv");
    config.AddExample("--knowledge", "banking77/train.csv", "--questions", "banking77/test.csv");
    config.AddExample("--database", "postgres://customercare:secret@localhost:5432/customercare");
});
return await app.RunAsync(args);
