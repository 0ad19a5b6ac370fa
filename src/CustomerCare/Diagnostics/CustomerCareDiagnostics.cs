namespace CustomerCare;

/// <summary>
/// Names under which CustomerCare publishes telemetry, for hosts that subscribe to it, such as
/// <c>metrics.AddMeter(CustomerCareDiagnostics.MeterName)</c> with OpenTelemetry.
/// </summary>
public static class CustomerCareDiagnostics
{
    /// <summary>The name of the meter that all CustomerCare instruments belong to.</summary>
    public const string MeterName = "CustomerCare";

    /// <summary>The prefix of every instrument name, such as <c>customercare.interaction.recorded</c>.</summary>
    public const string InstrumentPrefix = "customercare.";

    /// <summary>The prefix of every tag key, such as <c>customercare.channel</c>.</summary>
    public const string TagPrefix = "customercare.";

    /// <summary>The logging category prefix; each package logs under <c>CustomerCare.&lt;Package&gt;</c>.</summary>
    public const string LoggerCategoryPrefix = "CustomerCare";
}
