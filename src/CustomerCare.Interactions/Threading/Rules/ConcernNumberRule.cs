using System.Globalization;
using CustomerCare.Interactions.Concerns;

namespace CustomerCare.Interactions.Threading.Rules;

/// <summary>
/// Step 4: a concern number in the subject, as in <c>[CC#10042]</c>, attaches the interaction to that concern, but
/// only when the sender is a known participant of the concern or the concern belongs to the sender's customer.
/// Numbers are short and guessable, and a stranger who quotes one must not be able to write into someone else's
/// concern.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public sealed class ConcernNumberRule : IThreadingRule
{
    private readonly IConcernStore _concerns;
    private readonly string _tag;

    /// <summary>Initializes the rule.</summary>
    /// <param name="concerns">The concern store.</param>
    /// <param name="options">The options; <see cref="InteractionsOptions.ConcernNumberTag"/> is read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="concerns"/> or <paramref name="options"/> is null.</exception>
    public ConcernNumberRule(IConcernStore concerns, InteractionsOptions options)
    {
        _concerns = Guard.NotNull(concerns);
        _tag = "[" + Guard.NotNull(options).ConcernNumberTag;
    }

    /// <inheritdoc/>
    public string Name => "concern-number";

    /// <inheritdoc/>
    public async ValueTask<ThreadingDecision> DecideAsync(ThreadingContext context, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(context);
        var interaction = context.Interaction;
        if (!TryReadNumber(interaction.Subject, out var number))
        {
            return ThreadingDecision.Continue("the subject carries no concern number");
        }

        var concern = await _concerns.FindByNumberAsync(number, cancellationToken).ConfigureAwait(false);
        if (concern is null)
        {
            return ThreadingDecision.Continue($"the subject names concern number {number}, which does not exist");
        }

        var sender = interaction.Sender();
        if (concern.CustomerId == interaction.CustomerId)
        {
            return ThreadingDecision.Attach(concern.Id, $"the subject names concern number {number}, which belongs to the sender's customer");
        }

        if (sender is { } from && concern.HasParticipant(from.ContactPoint))
        {
            return ThreadingDecision.Attach(concern.Id, $"the subject names concern number {number}, and the sender is a participant of it");
        }

        return ThreadingDecision.Continue($"the subject names concern number {number} ({concern.Id}), but the sender is neither its customer nor a participant, so the number is ignored");
    }

    internal bool TryReadNumber(string? subject, out long number)
    {
        number = 0;
        if (subject is null)
        {
            return false;
        }

        var start = subject.IndexOf(_tag, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return false;
        }

        var digits = subject.AsSpan(start + _tag.Length);
        var close = digits.IndexOf(']');
        return close > 0
            && long.TryParse(digits[..close], NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}
