using CustomerCare;
using CustomerCare.Samples.WebApi;
using CustomerCare.Storage.Sqlite;
using CustomerCare.Testing;

// A minimal host of the service desk: submit a contact, read a customer's timeline, act on a concern, fetch the report.
// It listens on http://127.0.0.1:5080 only, unless --urls or ASPNETCORE_URLS sets another address. State is kept in memory,
// or in SQLite when the configuration has CustomerCare:Sqlite, such as --CustomerCare:Sqlite="Data Source=desk.db".
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var report = new DeskReport();
var customerCare = builder.Services
    .AddCustomerCare(builder.Configuration.GetSection("CustomerCare"))
    .AddServiceDeskObserver(report);
if (builder.Configuration["CustomerCare:Sqlite"] is { Length: > 0 } sqlite)
{
    customerCare.UseSqlite(sqlite);
}

customerCare.UseInMemoryStores();
builder.Services.AddSingleton(report);
builder.Services.AddHostedService<DemoAgents>();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));

var app = builder.Build();
app.MapDeskEndpoints();
app.Run();

/// <summary>The entry point, public so that integration tests can start the host.</summary>
public partial class Program;
