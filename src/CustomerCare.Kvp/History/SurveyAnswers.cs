namespace CustomerCare.Kvp.History;

/// <summary>The answers of one survey response; each question is optional.</summary>
/// <remarks>
/// <para>
/// <see cref="Satisfaction"/> is the CSAT question on a 1 to 5 scale, <see cref="Recommendation"/> the NPS question
/// ("how likely are you to recommend us") on 0 to 10, and <see cref="Effort"/> the CES 2.0 question ("the company made
/// it easy for me to handle my issue") on 1 to 7. A value outside its scale is counted as a bad record and left out
/// of that score; the other answers of the response still count.
/// </para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
/// <param name="Satisfaction">The CSAT answer, 1 (very dissatisfied) to 5 (very satisfied), or null when not answered.</param>
/// <param name="Recommendation">The NPS answer, 0 to 10, or null when not answered.</param>
/// <param name="Effort">The CES answer, 1 (strongly disagree) to 7 (strongly agree), or null when not answered.</param>
public readonly record struct SurveyAnswers(int? Satisfaction = null, int? Recommendation = null, int? Effort = null)
{
    /// <summary>Gets a value indicating whether at least one question is answered.</summary>
    public bool HasAnswer => Satisfaction.HasValue || Recommendation.HasValue || Effort.HasValue;
}
