using System.ComponentModel.DataAnnotations;

namespace CustomerCare;

/// <summary>
/// Settings that apply to the whole service organization. Bind them from the <c>CustomerCare</c> configuration
/// section or set them in the callback of <c>AddCustomerCare</c>.
/// </summary>
/// <remarks>
/// The options are validated when the host starts. An invalid value stops the start with an
/// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> that names the option, the value and the
/// allowed range.
/// </remarks>
public sealed class CustomerCareOptions
{
    /// <summary>The configuration section that <c>AddCustomerCare(IConfiguration)</c> callers usually pass.</summary>
    public const string DefaultSectionName = "CustomerCare";

    /// <summary>Gets or sets the IANA time zone id of the organization, such as <c>Europe/Berlin</c>.</summary>
    /// <value>The default is <c>Etc/UTC</c>. Business calendars without a zone of their own use it.</value>
    [Required]
    public string TimeZone { get; set; } = "Etc/UTC";

    /// <summary>
    /// Gets the rows of the ITIL priority matrix: one row per impact level from high to low, each with one priority
    /// level per urgency level from high to low.
    /// </summary>
    /// <value>
    /// Empty by default, which selects <see cref="Core.PriorityMatrix.Default"/> (P1 to P5 from 3 × 3 levels). In JSON
    /// configuration write <c>"PriorityMatrix": [[1, 2, 3], [2, 3, 4], [3, 4, 5]]</c>.
    /// </value>
    public IList<int[]> PriorityMatrix { get; } = [];

    /// <summary>Gets or sets the maximum number of due items, such as SLA warnings and SOP timers, handled in one pass.</summary>
    /// <value>The default is 100; the allowed range is 1 to 10,000.</value>
    [ValueRange(1, 10_000)]
    public int DueWorkBatchSize { get; set; } = 100;

    /// <summary>Gets or sets the longest time the due-work service sleeps before it checks for due items again.</summary>
    /// <value>
    /// The default is one minute; the allowed range is one second to one hour. The service wakes earlier when an item
    /// falls due earlier.
    /// </value>
    [ValueRange("00:00:01", "01:00:00")]
    public TimeSpan DueWorkMaxInterval { get; set; } = TimeSpan.FromMinutes(1);
}
