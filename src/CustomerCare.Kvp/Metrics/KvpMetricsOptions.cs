using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Kvp.Metrics;

/// <summary>Settings of the improvement metrics: calendar, windows, backlog buckets, cost model and scope.</summary>
/// <remarks>
/// The metrics validate the options once, when they are created, and report every problem at once in a
/// <see cref="CustomerCareValidationException"/>. Changing the options afterwards has no effect on existing metrics.
/// </remarks>
public sealed class KvpMetricsOptions
{
    /// <summary>
    /// Gets or sets the business calendar for the business-time variant of every duration. The default is null:
    /// durations are then measured in calendar time only and every business summary is null.
    /// </summary>
    public IBusinessCalendar? BusinessCalendar { get; set; }

    /// <summary>
    /// Gets or sets the time zone whose local dates the daily series use. The default is null: the business calendar's
    /// zone, or UTC without a calendar.
    /// </summary>
    public DateTimeZone? TimeZone { get; set; }

    /// <summary>
    /// Gets or sets the window after the first resolution in which a further customer contact or a reopen breaks
    /// first-contact resolution. The default is 7 days.
    /// </summary>
    public Duration FirstContactResolutionWindow { get; set; } = Duration.FromDays(7);

    /// <summary>
    /// Gets or sets the window in which a further contact of the customer about the same concern counts as a repeat
    /// contact. The default is 7 days.
    /// </summary>
    public Duration RepeatContactWindow { get; set; } = Duration.FromDays(7);

    /// <summary>
    /// Gets or sets how long a bot resolution must hold (no hand-off and no new contact by the customer) on
    /// asynchronous channels such as email before it counts as verified. The default is 72 hours.
    /// </summary>
    public Duration BotVerificationWindow { get; set; } = Duration.FromHours(72);

    /// <summary>
    /// Gets or sets how long a bot resolution must hold on <see cref="MessagingChannels"/>. The default is 2 hours.
    /// </summary>
    public Duration MessagingBotVerificationWindow { get; set; } = Duration.FromHours(2);

    /// <summary>
    /// Gets the channels that use <see cref="MessagingBotVerificationWindow"/>. The default is chat and social media.
    /// </summary>
    public ISet<Channel> MessagingChannels { get; } = new HashSet<Channel> { Channel.Chat, Channel.SocialMedia };

    /// <summary>
    /// Gets or sets how long a closed concern stays in memory so that a follow-up can count as its reopen without
    /// counting it twice. A follow-up of a concern closed longer ago still counts as a reopen. The default is 30 days.
    /// </summary>
    public Duration ClosedConcernRetention { get; set; } = Duration.FromDays(30);

    /// <summary>
    /// Gets the ages at which the backlog age buckets start, after the first bucket that starts at zero. The default is
    /// 1, 3 and 7 days, which gives the buckets 0–1 d, 1–3 d, 3–7 d and over 7 d.
    /// </summary>
    public IList<Duration> BacklogAgeBucketStarts { get; } = [Duration.FromDays(1), Duration.FromDays(3), Duration.FromDays(7)];

    /// <summary>Gets or sets the cost model. The default is null: no cost figures.</summary>
    public CostModel? CostModel { get; set; }

    /// <summary>
    /// Gets or sets the scope by opening time: only concerns opened in this interval, and the interactions and SLA
    /// outcomes of those concerns, count. The default is null: every concern counts. Interactions without a concern
    /// count when they happened in the interval.
    /// </summary>
    public Interval? OpenedWithin { get; set; }

    /// <summary>
    /// Gets or sets the scope by contact reason: only concerns with this reason or one below it count. The default is
    /// null: every reason counts.
    /// </summary>
    public ContactReason? ReasonScope { get; set; }

    /// <summary>Gets or sets how many bad records are kept with their details; all are counted. The default is 100.</summary>
    public int MaxBadRecordSamples { get; set; } = 100;

    /// <summary>Gets or sets how many distinct usage notes are kept per product; the rest are counted as other notes. The default is 200.</summary>
    public int MaxUsageNotesPerProduct { get; set; } = 200;

    /// <summary>Gets or sets how many distinct knowledge-gap term groups are kept; further groups are counted only. The default is 1,000.</summary>
    public int MaxKnowledgeGapGroups { get; set; } = 1000;

    /// <summary>Checks every setting and reports every problem at once.</summary>
    /// <exception cref="CustomerCareValidationException">One or more settings are invalid; the errors name each.</exception>
    public void Validate()
    {
        var errors = new List<ValidationError>();
        RequirePositive(errors, nameof(FirstContactResolutionWindow), FirstContactResolutionWindow);
        RequirePositive(errors, nameof(RepeatContactWindow), RepeatContactWindow);
        RequirePositive(errors, nameof(BotVerificationWindow), BotVerificationWindow);
        RequirePositive(errors, nameof(MessagingBotVerificationWindow), MessagingBotVerificationWindow);
        RequirePositive(errors, nameof(ClosedConcernRetention), ClosedConcernRetention);

        var previous = Duration.Zero;
        for (var i = 0; i < BacklogAgeBucketStarts.Count; i++)
        {
            if (BacklogAgeBucketStarts[i] <= previous)
            {
                errors.Add(new ValidationError(
                    $"{nameof(BacklogAgeBucketStarts)}[{i}]", "is not greater than the start before it",
                    "List positive ages in increasing order, such as 1, 3 and 7 days.", BacklogAgeBucketStarts[i].ToString()));
            }

            previous = BacklogAgeBucketStarts[i];
        }

        if (MessagingChannels.Any(c => c == default))
        {
            errors.Add(new ValidationError(nameof(MessagingChannels), "contains default(Channel)", "Remove it, or add channels with Channel.Parse."));
        }

        if (ReasonScope is { } scope && scope == default)
        {
            errors.Add(new ValidationError(nameof(ReasonScope), "is default(ContactReason)", "Set null for every reason, or a reason from ContactReason.Parse."));
        }

        RequireAtLeast(errors, nameof(MaxBadRecordSamples), MaxBadRecordSamples, 0);
        RequireAtLeast(errors, nameof(MaxUsageNotesPerProduct), MaxUsageNotesPerProduct, 0);
        RequireAtLeast(errors, nameof(MaxKnowledgeGapGroups), MaxKnowledgeGapGroups, 0);
        if (CostModel is not null)
        {
            errors.AddRange(CostModel.Validate(nameof(CostModel)));
        }

        if (errors.Count > 0)
        {
            throw new CustomerCareValidationException(errors);
        }
    }

    private static void RequirePositive(List<ValidationError> errors, string name, Duration value)
    {
        if (value <= Duration.Zero)
        {
            errors.Add(new ValidationError(name, "is not positive", "Set a positive duration.", value.ToString()));
        }
    }

    private static void RequireAtLeast(List<ValidationError> errors, string name, int value, int minimum)
    {
        if (value < minimum)
        {
            errors.Add(new ValidationError(name, $"is less than {minimum}", $"Set {minimum} or more.", value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
