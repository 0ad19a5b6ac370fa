namespace CustomerCare.SelfService.MachineLearning;

/// <summary>The input row of the ML.NET pipeline: the text and, when training, the intent code.</summary>
internal sealed class QueryRow
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}
