using System.Collections.Immutable;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// One customer's visit to self-service: the transcript so far and its state. Every step of
/// <see cref="SelfServiceEngine"/> returns a new conversation; store the latest one between messages.
/// </summary>
/// <remarks>This type is immutable and thread-safe.</remarks>
public sealed class SelfServiceConversation
{
    private SelfServiceConversation(
        SelfServiceConversationId id,
        CustomerId? customer,
        Channel channel,
        Instant startedAt,
        ImmutableArray<TranscriptEntry> transcript,
        ConversationState state,
        int queries,
        MatchCandidate? lastAnswer)
    {
        Id = id;
        Customer = customer;
        Channel = channel;
        StartedAt = startedAt;
        Transcript = transcript;
        State = state;
        QueryCount = queries;
        LastAnswer = lastAnswer;
    }

    /// <summary>Gets the identifier.</summary>
    public SelfServiceConversationId Id { get; }

    /// <summary>Gets the customer, or <see langword="null"/> for an anonymous visitor.</summary>
    public CustomerId? Customer { get; }

    /// <summary>Gets the channel the customer uses, such as <see cref="Channel.Chat"/>.</summary>
    public Channel Channel { get; }

    /// <summary>Gets when the conversation started.</summary>
    public Instant StartedAt { get; }

    /// <summary>Gets every entry so far, oldest first.</summary>
    public ImmutableArray<TranscriptEntry> Transcript { get; }

    /// <summary>Gets the conversation's state.</summary>
    public ConversationState State { get; }

    /// <summary>Gets the number of queries the customer sent.</summary>
    public int QueryCount { get; }

    /// <summary>Gets the number of queries after the first one: each is a rephrasing, since an accepted answer ends the conversation.</summary>
    public int Rephrasings => Math.Max(0, QueryCount - 1);

    /// <summary>Gets the answer awaiting the customer's feedback, or <see langword="null"/>.</summary>
    public MatchCandidate? LastAnswer { get; }

    /// <summary>Gets a value indicating whether the conversation has ended, resolved or handed off.</summary>
    public bool IsClosed => State is ConversationState.Resolved or ConversationState.HandedOff;

    /// <summary>Starts a conversation.</summary>
    /// <param name="id">The identifier, such as <c>SelfServiceConversationId.New(startedAt)</c>.</param>
    /// <param name="customer">The customer, or <see langword="null"/> for an anonymous visitor.</param>
    /// <param name="channel">The channel the customer uses.</param>
    /// <param name="startedAt">When the conversation started.</param>
    /// <returns>An open conversation with an empty transcript.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/>, <paramref name="customer"/> or <paramref name="channel"/> is <c>default</c>.</exception>
    public static SelfServiceConversation Start(SelfServiceConversationId id, CustomerId? customer, Channel channel, Instant startedAt)
    {
        Guard.NotDefault(id);
        if (customer is { } known)
        {
            Guard.NotDefault(known, nameof(customer));
        }

        return new(id, customer, Guard.NotDefault(channel), startedAt, [], ConversationState.Open, 0, null);
    }

    internal SelfServiceConversation WithQuery(TranscriptEntry entry) =>
        new(Id, Customer, Channel, StartedAt, Transcript.Add(entry), ConversationState.Open, QueryCount + 1, null);

    internal SelfServiceConversation With(TranscriptEntry entry, ConversationState state, MatchCandidate? lastAnswer) =>
        new(Id, Customer, Channel, StartedAt, Transcript.Add(entry), state, QueryCount, lastAnswer);
}
