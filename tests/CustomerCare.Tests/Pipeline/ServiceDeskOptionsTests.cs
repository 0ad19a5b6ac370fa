using CustomerCare.Core;
using CustomerCare.Sla.Calendars;
using CustomerCare.Testing;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare.Tests.Pipeline;

public class ServiceDeskOptionsTests
{
    [Fact]
    public void Resolve_NoStores_NamesMissingPortsAndCalls()
    {
        using var host = CustomerCareTestHost.Create();

        var error = Assert.Throws<OptionsValidationException>(() => host.GetRequiredService<ServiceDesk>());

        Assert.Contains("ICustomerStore", error.Message, StringComparison.Ordinal);
        Assert.Contains("ISlaClockStore", error.Message, StringComparison.Ordinal);
        Assert.Contains("IWorkQueue", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseSqlite", error.Message, StringComparison.Ordinal);
        Assert.Contains("UsePostgreSql", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseInMemoryStores", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PhoneOnly_FailsNamingTheGap()
    {
        var phone = new BusinessCalendarBuilder("phone", "Europe/Berlin")
            .AddHours(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, Sla.Calendars.LocalTimeRange.Parse("08:00-18:00"))
            .Build();
        using var host = CustomerCareTestHost.Create(b => b
            .UseInMemoryStores()
            .WithChannelHours(Channel.Phone, phone));

        var error = Assert.Throws<OptionsValidationException>(() => host.GetRequiredService<IOptions<ServiceDeskOptions>>().Value);

        // The phone's Berlin hours, 08:00 to 18:00, are 07:00 to 17:00 in the organization's zone, UTC.
        Assert.Contains("No channel is open from Friday 2026-01-09 17:00 to Monday 2026-01-12 00:00 (Etc/UTC, 55 hours)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Monday 2026-01-05 00:00 to Monday 2026-01-05 07:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_PhoneOnBusinessHoursEmailAndWebAlwaysOpen()
    {
        using var host = CustomerCareTestHost.Create(b => b.UseInMemoryStores());

        var desk = host.GetRequiredService<ServiceDesk>();
        var report = desk.GetReachability(new LocalDate(2026, 1, 5));

        Assert.True(report.IsAlwaysReachable);
        Assert.Equal([Channel.Phone, Channel.Email, Channel.Web], report.Channels.Select(c => c.Channel));
        Assert.Equal(Duration.FromHours(50), report.Channels[0].Open);
    }

    [Fact]
    public void Validate_BadSettings_ReportsEveryProblem()
    {
        using var host = CustomerCareTestHost.Create(b => b
            .UseInMemoryStores()
            .ConfigureServiceDesk(o =>
            {
                o.ConcernType = " ";
                o.ReferenceTokenKey = new byte[8];
                o.DueWorkLease = Duration.Zero;
            }));

        var error = Assert.Throws<OptionsValidationException>(() => host.GetRequiredService<IOptions<ServiceDeskOptions>>().Value);

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("ConcernType", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ReferenceTokenKey has 8 bytes", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("DueWorkLease", StringComparison.Ordinal));
    }
}
