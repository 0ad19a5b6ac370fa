namespace CustomerCare.SelfService.MachineLearning;

/// <summary>The output row of the ML.NET pipeline: one probability per intent, in the order of the model's label slots.</summary>
internal sealed class IntentScores
{
    public float[] Score { get; set; } = [];
}
