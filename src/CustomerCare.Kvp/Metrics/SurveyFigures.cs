namespace CustomerCare.Kvp.Metrics;

/// <summary>Customer satisfaction (CSAT), Net Promoter Score (NPS) and Customer Effort Score (CES) from survey responses.</summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
/// <param name="ResponseRate">Survey responses ÷ survey invitations.</param>
/// <param name="Csat">Answers of 4 or 5 ÷ all answers on the 1 to 5 scale.</param>
/// <param name="Promoters">NPS answers of 9 or 10.</param>
/// <param name="Passives">NPS answers of 7 or 8; they count only in the denominator.</param>
/// <param name="Detractors">NPS answers of 0 to 6.</param>
/// <param name="NetPromoterScore">% promoters − % detractors, −100 to +100, or null without answers.</param>
/// <param name="EffortResponses">CES answers on the 1 to 7 scale.</param>
/// <param name="CustomerEffortScore">The mean CES answer, or null without answers.</param>
/// <param name="EffortNetAgreement">% agreeing (5 to 7) − % disagreeing (1 to 3), −100 to +100, or null without answers.</param>
public sealed record SurveyFigures(
    Ratio ResponseRate,
    Ratio Csat,
    long Promoters,
    long Passives,
    long Detractors,
    double? NetPromoterScore,
    long EffortResponses,
    double? CustomerEffortScore,
    double? EffortNetAgreement);
