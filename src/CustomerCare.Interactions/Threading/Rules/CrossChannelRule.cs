using System.Globalization;
using NodaTime;

namespace CustomerCare.Interactions.Threading.Rules;

/// <summary>
/// Step 5: an interaction of a known customer with a contact reason joins that customer's open or resolved concern
/// with the same reason whose last activity lies within <see cref="InteractionsOptions.CrossChannelWindow"/> before
/// the interaction occurred, whatever the channel. A customer who writes, then calls, then sends a letter about the
/// same refund has one concern, not three.
/// </summary>
/// <remarks>
/// Closed concerns are not considered: a closed concern is done, and a later contact with the same reason is a new
/// matter unless it refers to the old one by reference, header or number (steps 2 to 4). The window is measured from
/// the occurred-at, so a letter scanned days after it was written is judged by when it was written.
/// This type is thread-safe.
/// </remarks>
public sealed class CrossChannelRule : IThreadingRule
{
    private readonly Concerns.IConcernStore _concerns;
    private readonly Duration _window;

    /// <summary>Initializes the rule.</summary>
    /// <param name="concerns">The concern store.</param>
    /// <param name="options">The options; <see cref="InteractionsOptions.CrossChannelWindow"/> is read.</param>
    /// <exception cref="ArgumentNullException"><paramref name="concerns"/> or <paramref name="options"/> is null.</exception>
    public CrossChannelRule(Concerns.IConcernStore concerns, InteractionsOptions options)
    {
        _concerns = Guard.NotNull(concerns);
        _window = Guard.NotNull(options).CrossChannelWindow;
    }

    /// <inheritdoc/>
    public string Name => "cross-channel";

    /// <inheritdoc/>
    public async ValueTask<ThreadingDecision> DecideAsync(ThreadingContext context, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(context);
        var interaction = context.Interaction;
        if (_window == Duration.Zero)
        {
            return ThreadingDecision.Continue("the cross-channel window is zero, so the rule is off");
        }

        if (interaction.ContactReason is not { } reason)
        {
            return ThreadingDecision.Continue("the interaction has no contact reason");
        }

        var concern = await _concerns.FindActiveByReasonAsync(interaction.CustomerId, reason, cancellationToken).ConfigureAwait(false);
        if (concern is null)
        {
            return ThreadingDecision.Continue($"the customer has no open or resolved concern with reason {reason}");
        }

        var age = interaction.OccurredAt - concern.LastActivityAt;
        if (age > _window)
        {
            return ThreadingDecision.Continue($"the customer's concern {concern.Id} with reason {reason} was last active {FormatAge(age)} before, outside the window of {FormatAge(_window)}");
        }

        return ThreadingDecision.Attach(concern.Id, $"the customer's concern {concern.Id} has the same reason {reason} and was last active on {concern.LastActivityAt}, within {FormatAge(_window)}");
    }

    private static string FormatAge(Duration duration) =>
        duration.TotalHours >= 48
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalDays:0.#} days")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalHours:0.#} hours");
}
