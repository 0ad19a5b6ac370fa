using CustomerCare.Testing;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CustomerCare.Tests.Options;

public class OptionsValidationTests
{
    private static async Task<OptionsValidationException> StartFailsAsync(Action<CustomerCareOptions> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCustomerCare(configure).UseInMemoryStores();
        using var host = builder.Build();

        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task Start_BatchSizeOutOfRange_FailsWithValueAndRange(int size)
    {
        var exception = await StartFailsAsync(o => o.DueWorkBatchSize = size);

        var failure = Assert.Single(exception.Failures);
        Assert.Contains($"DueWorkBatchSize is {size}, but it must be between 1 and 10000.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_IntervalOutOfRange_FailsWithValueAndRange()
    {
        var exception = await StartFailsAsync(o => o.DueWorkMaxInterval = TimeSpan.FromHours(2));

        var failure = Assert.Single(exception.Failures);
        Assert.Contains("DueWorkMaxInterval is 02:00:00, but it must be between 00:00:01 and 01:00:00.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnknownTimeZone_FailsWithExample()
    {
        var exception = await StartFailsAsync(o => o.TimeZone = "Europe/Berln");

        var failure = Assert.Single(exception.Failures);
        Assert.Contains("TimeZone is 'Europe/Berln', which is not a time zone id", failure, StringComparison.Ordinal);
        Assert.Contains("'Europe/Berlin'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_MissingTimeZone_Fails()
    {
        var exception = await StartFailsAsync(o => o.TimeZone = "");

        Assert.Contains(exception.Failures, f => f.Contains("TimeZone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_InvalidMatrix_NamesCell()
    {
        var exception = await StartFailsAsync(o =>
        {
            o.PriorityMatrix.Add([1, 2]);
            o.PriorityMatrix.Add([3, 1]);
        });

        Assert.Contains(exception.Failures, f => f.StartsWith("PriorityMatrix: priority matrix → impact 2, urgency 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_SeveralErrors_ReportsAll()
    {
        var exception = await StartFailsAsync(o =>
        {
            o.DueWorkBatchSize = -1;
            o.TimeZone = "Mars/Olympus";
        });

        Assert.Equal(2, exception.Failures.Count());
    }

    [Fact]
    public async Task Start_ValidOptions_Succeeds()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCustomerCare(o => o.TimeZone = "America/Sao_Paulo").UseInMemoryStores();
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal("America/Sao_Paulo", host.Services.GetRequiredService<IOptions<CustomerCareOptions>>().Value.TimeZone);
    }

    [Fact]
    public async Task Configuration_BindsEveryOption()
    {
        const string json = """
            {
              "CustomerCare": {
                "TimeZone": "Europe/Berlin",
                "DueWorkBatchSize": 250,
                "DueWorkMaxInterval": "00:00:30",
                "PriorityMatrix": [[1, 2, 3, 4], [2, 3, 4, 4]]
              }
            }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCustomerCare(configuration.GetSection(CustomerCareOptions.DefaultSectionName)).UseInMemoryStores();
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var options = host.Services.GetRequiredService<IOptions<CustomerCareOptions>>().Value;
        var matrix = host.Services.GetRequiredService<Core.PriorityMatrix>();
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal("Europe/Berlin", options.TimeZone);
        Assert.Equal(250, options.DueWorkBatchSize);
        Assert.Equal(TimeSpan.FromSeconds(30), options.DueWorkMaxInterval);
        Assert.Equal(2, matrix.ImpactLevels);
        Assert.Equal(4, matrix.UrgencyLevels);
    }

    [Fact]
    public async Task Configuration_BadValue_FailsAtStart()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CustomerCare:DueWorkBatchSize"] = "0" })
            .Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddCustomerCare(configuration.GetSection("CustomerCare")).UseInMemoryStores();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("DueWorkBatchSize is 0", exception.Message, StringComparison.Ordinal);
    }
}
