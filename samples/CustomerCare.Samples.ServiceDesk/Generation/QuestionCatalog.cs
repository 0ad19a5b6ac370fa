using CustomerCare.Core;

namespace CustomerCare.Samples.ServiceDesk.Generation;

/// <summary>Turns labelled customer questions, such as BANKING77's, into reason profiles for the generator.</summary>
internal static class QuestionCatalog
{
    /// <summary>
    /// Makes one profile per intent, weighted by its number of questions. Every seventh intent in name order needs the
    /// second level and the rest the first, because the questions carry no complexity of their own.
    /// </summary>
    public static IReadOnlyList<ReasonProfile> FromQuestions(IReadOnlyList<(string Text, ContactReason Intent)> questions)
    {
        var profiles = new List<ReasonProfile>();
        var index = 0;
        foreach (var group in questions.GroupBy(q => q.Intent).OrderBy(g => g.Key))
        {
            var complexity = index++ % 7 == 6 ? 2 : 1;
            var texts = group.Select(q => q.Text).ToArray();
            profiles.Add(new ReasonProfile(group.Key, "banking", texts.Length, complexity, null, new Dictionary<string, string[]> { ["en"] = texts })
            {
                HarderShare = 0.05,
                ReturnShare = 0.05,
            });
        }

        return profiles;
    }
}
