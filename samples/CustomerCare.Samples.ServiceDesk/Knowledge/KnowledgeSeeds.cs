using CustomerCare.Core;
using CustomerCare.Samples.ServiceDesk.Generation;

namespace CustomerCare.Samples.ServiceDesk.Knowledge;

/// <summary>Builds the knowledge a run starts with, and the articles that escalations can teach.</summary>
internal static class KnowledgeSeeds
{
    /// <summary>Returns the article of every reason that self-service knows from the start.</summary>
    public static IReadOnlyList<KnowledgeSeed> Initial(IReadOnlyList<ReasonProfile> reasons) =>
        [.. reasons.Where(r => r.InKnowledgeBase).Select(ToSeed)];

    /// <summary>Returns the article a resolved escalation of <paramref name="reason"/> teaches, or null when the
    /// reason has no written answer.</summary>
    public static KnowledgeSeed? Learned(IReadOnlyList<ReasonProfile> reasons, ContactReason reason) =>
        reasons.FirstOrDefault(r => r.Reason == reason) is { Answer.Length: > 0 } profile ? ToSeed(profile) : null;

    /// <summary>Makes one article per intent of labelled questions, with the questions as variants. The answers are
    /// placeholders because BANKING77 has none.</summary>
    public static IReadOnlyList<KnowledgeSeed> FromQuestions(IReadOnlyList<(string Text, ContactReason Intent)> questions) =>
        [.. questions.GroupBy(q => q.Intent).OrderBy(g => g.Key).Select(g => new KnowledgeSeed(
            g.Key,
            Title(g.Key),
            $"Answer on {Title(g.Key)} (the source has questions only, so this answer is a placeholder).",
            [.. g.Select(q => q.Text)]))];

    private static KnowledgeSeed ToSeed(ReasonProfile profile) =>
        new(profile.Reason, Title(profile.Reason), profile.Answer, [.. profile.Phrasings.Values.SelectMany(p => p)]);

    private static string Title(ContactReason reason) => reason.Code.Replace('_', ' ').Replace('/', ' ').Replace('-', ' ');
}
