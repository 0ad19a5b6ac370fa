namespace CustomerCare.SelfService;

/// <summary>One labelled observation for fitting a <see cref="ConfidenceCalibration"/>: a match's signals and whether its top intent was right.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="Signals">The signals of the match.</param>
/// <param name="Correct">Whether the match's top intent was the labelled one.</param>
public readonly record struct CalibrationSample(MatchSignals Signals, bool Correct);
