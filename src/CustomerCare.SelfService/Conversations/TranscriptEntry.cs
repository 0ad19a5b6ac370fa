using System.Collections.Immutable;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>One line of a self-service transcript: who said or did what, when, and with which candidates.</summary>
/// <remarks>
/// <see cref="Text"/> holds the customer's words for queries and may contain personal data; never log it. Equality
/// compares every property, the candidates element by element. This type is immutable and thread-safe.
/// </remarks>
public sealed record TranscriptEntry
{
    /// <summary>Initializes a new entry.</summary>
    /// <param name="at">When it happened.</param>
    /// <param name="kind">What it records.</param>
    /// <param name="text">The customer's words, the step outcome or a short description.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public TranscriptEntry(Instant at, TranscriptEntryKind kind, string text)
    {
        At = at;
        Kind = kind;
        Text = Guard.NotNull(text);
    }

    /// <summary>Gets when it happened.</summary>
    public Instant At { get; init; }

    /// <summary>Gets what it records.</summary>
    public TranscriptEntryKind Kind { get; init; }

    /// <summary>Gets the customer's words, the step outcome or a short description.</summary>
    public string Text { get; init; }

    /// <summary>Gets the candidates that were answered or suggested, with their scores; empty for other kinds.</summary>
    public ImmutableArray<MatchCandidate> Candidates { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>Gets the confidence of the match behind an answer or suggestions, or <see langword="null"/>.</summary>
    public double? Confidence { get; init; }

    /// <summary>Gets the intent that the entry is about, or <see langword="null"/>.</summary>
    public ContactReason? Intent { get; init; }

    /// <inheritdoc/>
    public bool Equals(TranscriptEntry? other) =>
        other is not null && At == other.At && Kind == other.Kind && Text == other.Text
        && Candidates.SequenceEqual(other.Candidates) && Confidence == other.Confidence && Intent == other.Intent;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(At, Kind, Text, Candidates.Length, Confidence, Intent);
}
