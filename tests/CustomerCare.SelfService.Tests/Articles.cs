using CustomerCare.Core;
using CustomerCare.Testing;

namespace CustomerCare.SelfService.Tests;

/// <summary>Builds published knowledge articles with deterministic identifiers for tests.</summary>
internal static class Articles
{
    private static long _sequence;

    public static ArticleId NextId() => new(TestIdFactory.ValueFor(Interlocked.Increment(ref _sequence)));

    public static KnowledgeArticle Published(string intent, string title, params string[] variants) =>
        new(NextId(), title, "Answer for " + title + ".", ContactReason.Parse(intent))
        {
            QuestionVariants = [.. variants],
            Status = ArticleStatus.Published,
        };

    /// <summary>A small banking knowledge base whose intents share words, as real ones do.</summary>
    public static KnowledgeArticle[] Banking() =>
    [
        Published("cards/arrival", "Your new card has not arrived", "where is my new card", "my card still has not arrived", "how long does card delivery take"),
        Published("cards/lost", "Lost or stolen card", "i lost my card", "my card was stolen", "someone stole my wallet with the card"),
        Published("cards/pin-blocked", "PIN blocked", "my pin is blocked", "i entered the wrong pin three times", "unblock my pin"),
        Published("transfers/pending", "Pending transfer", "why is my transfer still pending", "transfer has not gone through yet"),
        Published("transfers/fee", "Transfer fees", "how much does a transfer cost", "is there a fee for transfers"),
        Published("account/close", "Close your account", "how do i close my account", "delete my account please"),
    ];
}
