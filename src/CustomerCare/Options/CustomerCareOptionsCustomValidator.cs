using CustomerCare.Core;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CustomerCare;

/// <summary>
/// Checks the rules of <see cref="CustomerCareOptions"/> that attributes cannot express: the time zone must exist in
/// the registered time zone provider, and the priority matrix must be valid.
/// </summary>
internal sealed class CustomerCareOptionsCustomValidator(IDateTimeZoneProvider zones) : IValidateOptions<CustomerCareOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerCareOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && zones.GetZoneOrNull(options.TimeZone) is null)
        {
            failures.Add(
                $"{nameof(CustomerCareOptions.TimeZone)} is '{options.TimeZone}', which is not a time zone id of the {zones.VersionId} database. " +
                "Use an IANA id such as 'Europe/Berlin' or 'America/New_York'.");
        }

        if (options.PriorityMatrix.Count > 0)
        {
            try
            {
                _ = CreateMatrix(options);
            }
            catch (CustomerCareValidationException exception)
            {
                failures.AddRange(exception.Errors.Select(e => $"{nameof(CustomerCareOptions.PriorityMatrix)}: {e}"));
            }
            catch (ArgumentException exception)
            {
                failures.Add($"{nameof(CustomerCareOptions.PriorityMatrix)}: {exception.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Returns the matrix the options describe, or the ITIL default when they give no rows.</summary>
    public static PriorityMatrix CreateMatrix(CustomerCareOptions options) =>
        options.PriorityMatrix.Count == 0
            ? PriorityMatrix.Default
            : new PriorityMatrix([.. options.PriorityMatrix.Select(row => (IReadOnlyList<int>)row)]);
}
