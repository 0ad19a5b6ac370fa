using CustomerCare.Core;

namespace CustomerCare.Samples.ServiceDesk.Knowledge;

/// <summary>One self-service article the run starts with or learns: its intent, answer and example questions.</summary>
/// <param name="Intent">The contact reason the article answers.</param>
/// <param name="Title">The title.</param>
/// <param name="Answer">The answer shown to the customer.</param>
/// <param name="Questions">Ways customers ask for it, which the matcher indexes.</param>
internal sealed record KnowledgeSeed(ContactReason Intent, string Title, string Answer, IReadOnlyList<string> Questions);
