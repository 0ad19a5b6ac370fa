using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>
/// Checks at start that the service desk can run: every storage port is registered, the routing policy is valid, the
/// settings are in range, and a channel is open at every instant of the current week.
/// </summary>
internal sealed class ServiceDeskOptionsValidator(
    IServiceProviderIsService registrations, IOptions<CustomerCareOptions> core, IDateTimeZoneProvider zones, IClock clock) : IValidateOptions<ServiceDeskOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceDeskOptions options)
    {
        var failures = new List<string>();
        var missing = ServiceDeskParts.RequiredPorts.Where(t => !registrations.IsService(t)).ToList();
        if (missing.Count > 0)
        {
            failures.Add(ServiceDeskParts.MissingPortsMessage(missing));
        }

        if (string.IsNullOrWhiteSpace(options.ConcernType))
        {
            failures.Add($"{nameof(ServiceDeskOptions.ConcernType)} is empty. Set the concern type whose procedure handed-off concerns start, such as 'incident'.");
        }

        if (options.ReferenceTokenKey is { Length: < 32 } key)
        {
            failures.Add($"{nameof(ServiceDeskOptions.ReferenceTokenKey)} has {key.Length} bytes. Use at least 32 random bytes, the same on every host instance.");
        }

        if (options.DueWorkLease <= Duration.Zero)
        {
            failures.Add($"{nameof(ServiceDeskOptions.DueWorkLease)} is {options.DueWorkLease}. Use a positive duration such as one minute.");
        }

        if (options.RoutingPolicy is { } policy)
        {
            failures.AddRange(policy.Validate().Select(e => $"{nameof(ServiceDeskOptions.RoutingPolicy)}: {e}"));
        }

        // Invalid CustomerCareOptions (such as an unknown time zone) are reported by their own validator, once.
        CustomerCareOptions coreOptions;
        try
        {
            coreOptions = core.Value;
        }
        catch (OptionsValidationException)
        {
            return Result(failures);
        }

        var settings = ServiceDeskSettings.Create(options, coreOptions, zones);
        var today = clock.GetCurrentInstant().InZone(settings.Zone).Date;
        var weekStart = today.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));
        var report = ChannelReachability.Analyze(settings.ChannelHours, settings.Zone, weekStart);
        foreach (var gap in report.Gaps)
        {
            failures.Add(
                $"No channel is open from {gap} ({settings.Zone.Id}, {gap.Length.TotalHours:0.##} hours), so customers cannot reach the service desk then. " +
                $"Add a channel that is open then to {nameof(ServiceDeskOptions.ChannelHours)}, such as email or web always open, or extend the opening hours.");
        }

        return Result(failures);
    }

    private static ValidateOptionsResult Result(List<string> failures) =>
        failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
}
