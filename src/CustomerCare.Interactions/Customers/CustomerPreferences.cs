using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.Interactions.Customers;

/// <summary>
/// How a customer prefers to be served: channel, language and the times they can be reached, each stated or learned
/// from interactions. Routing and replies read them.
/// </summary>
/// <remarks>
/// <para>
/// A stated preference always wins over a learned one: <see cref="Learn(IEnumerable{Interaction})"/> only fills or
/// replaces values whose source is <see cref="PreferenceSource.None"/> or <see cref="PreferenceSource.Learned"/>.
/// </para>
/// <para>Equality compares every property, the windows in order. This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class CustomerPreferences : IEquatable<CustomerPreferences>
{
    /// <summary>The minimum number of inbound interactions on one channel before it is learned as preferred.</summary>
    public const int MinimumChannelEvidence = 3;

    /// <summary>The number of latest inbound interactions that learning looks at.</summary>
    public const int LearningWindow = 20;

    private CustomerPreferences(
        Channel? channel, PreferenceSource channelSource, string? language, PreferenceSource languageSource,
        IReadOnlyList<ReachableWindow> reachable, PreferenceSource reachableSource, string? timeZoneId)
    {
        PreferredChannel = channel;
        PreferredChannelSource = channelSource;
        Language = language;
        LanguageSource = languageSource;
        ReachableTimes = reachable;
        ReachableTimesSource = reachableSource;
        TimeZoneId = timeZoneId;
    }

    /// <summary>Gets preferences with nothing set.</summary>
    public static CustomerPreferences None { get; } = new(null, PreferenceSource.None, null, PreferenceSource.None, [], PreferenceSource.None, null);

    /// <summary>Gets the preferred channel, or <see langword="null"/>.</summary>
    public Channel? PreferredChannel { get; }

    /// <summary>Gets where <see cref="PreferredChannel"/> comes from.</summary>
    public PreferenceSource PreferredChannelSource { get; }

    /// <summary>Gets the preferred language as a lower-case BCP 47 tag, such as <c>de</c> or <c>pt-br</c>, or <see langword="null"/>.</summary>
    public string? Language { get; }

    /// <summary>Gets where <see cref="Language"/> comes from.</summary>
    public PreferenceSource LanguageSource { get; }

    /// <summary>Gets the weekly windows in which the customer can be reached; empty when unknown.</summary>
    public IReadOnlyList<ReachableWindow> ReachableTimes { get; }

    /// <summary>Gets where <see cref="ReachableTimes"/> come from.</summary>
    public PreferenceSource ReachableTimesSource { get; }

    /// <summary>Gets the IANA time zone of <see cref="ReachableTimes"/>, such as <c>Europe/Berlin</c>, or <see langword="null"/>.</summary>
    public string? TimeZoneId { get; }

    /// <summary>
    /// Recreates preferences from the properties a store wrote, learned values included. For storage adapters only:
    /// every other caller builds preferences with the <c>WithStated…</c> methods and <see cref="Learn"/>.
    /// </summary>
    /// <param name="channel">The stored <see cref="PreferredChannel"/>.</param>
    /// <param name="channelSource">The stored <see cref="PreferredChannelSource"/>.</param>
    /// <param name="language">The stored <see cref="Language"/>, a lower-case BCP 47 tag.</param>
    /// <param name="languageSource">The stored <see cref="LanguageSource"/>.</param>
    /// <param name="reachableTimes">The stored <see cref="ReachableTimes"/>, in order.</param>
    /// <param name="reachableTimesSource">The stored <see cref="ReachableTimesSource"/>.</param>
    /// <param name="timeZoneId">The stored <see cref="TimeZoneId"/>.</param>
    /// <returns>Preferences equal to the ones whose properties were stored; <see cref="None"/> when nothing is set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reachableTimes"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The channel is <c>default</c>, a source is not defined, or the time zone is not in the tz database.
    /// </exception>
    /// <exception cref="FormatException"><paramref name="language"/> is not a valid BCP 47 tag.</exception>
    public static CustomerPreferences Restore(
        Channel? channel,
        PreferenceSource channelSource,
        string? language,
        PreferenceSource languageSource,
        IEnumerable<ReachableWindow> reachableTimes,
        PreferenceSource reachableTimesSource,
        string? timeZoneId)
    {
        Guard.NotNull(reachableTimes);
        if (channel is { } preferred)
        {
            Guard.NotDefault(preferred, nameof(channel));
        }

        RequireDefined(channelSource, nameof(channelSource));
        RequireDefined(languageSource, nameof(languageSource));
        RequireDefined(reachableTimesSource, nameof(reachableTimesSource));
        if (timeZoneId is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) is null)
        {
            throw new ArgumentException($"The stored time zone '{timeZoneId}' is not in the tz database. Restore only what preferences contained.", nameof(timeZoneId));
        }

        var restored = new CustomerPreferences(
            channel,
            channelSource,
            language is null ? null : NormalizeLanguage(language),
            languageSource,
            [.. reachableTimes],
            reachableTimesSource,
            timeZoneId);
        return restored.Equals(None) ? None : restored;
    }

    /// <summary>Returns a copy with a stated preferred channel.</summary>
    /// <param name="channel">The channel.</param>
    /// <returns>The new preferences.</returns>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is <c>default</c>.</exception>
    public CustomerPreferences WithStatedChannel(Channel channel) =>
        new(Guard.NotDefault(channel), PreferenceSource.Stated, Language, LanguageSource, ReachableTimes, ReachableTimesSource, TimeZoneId);

    /// <summary>Returns a copy with a stated language.</summary>
    /// <param name="language">A BCP 47 tag such as <c>de</c> or <c>pt-BR</c>; it is trimmed and lower-cased.</param>
    /// <returns>The new preferences.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="language"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="language"/> is not letters and digits in segments of 1 to 8 separated by '-'.</exception>
    public CustomerPreferences WithStatedLanguage(string language) =>
        new(PreferredChannel, PreferredChannelSource, NormalizeLanguage(Guard.NotNull(language)), PreferenceSource.Stated, ReachableTimes, ReachableTimesSource, TimeZoneId);

    /// <summary>Returns a copy with stated reachable times.</summary>
    /// <param name="timeZoneId">The IANA time zone of the windows, such as <c>Europe/Berlin</c>.</param>
    /// <param name="windows">The windows; may be empty to state "no restriction known".</param>
    /// <returns>The new preferences.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZoneId"/> or <paramref name="windows"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="timeZoneId"/> is not a zone in the tz database.</exception>
    public CustomerPreferences WithStatedReachableTimes(string timeZoneId, IEnumerable<ReachableWindow> windows)
    {
        Guard.NotNull(timeZoneId);
        Guard.NotNull(windows);
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId) is null)
        {
            throw new ArgumentException($"'{timeZoneId}' is not a time zone in the tz database. Pass an IANA id such as 'Europe/Berlin'.", nameof(timeZoneId));
        }

        return new(PreferredChannel, PreferredChannelSource, Language, LanguageSource, [.. windows], PreferenceSource.Stated, timeZoneId);
    }

    /// <summary>
    /// Returns a copy with the channel and language learned from <paramref name="history"/>, keeping every stated value.
    /// </summary>
    /// <param name="history">The customer's interactions in any order.</param>
    /// <returns>The new preferences, or this instance when nothing changes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="history"/> is null.</exception>
    /// <remarks>
    /// Only the latest <see cref="LearningWindow"/> inbound interactions count. The preferred channel is the one the
    /// customer used most among them, when it has at least <see cref="MinimumChannelEvidence"/> uses and more than half
    /// of them; a tie or a spread leaves the learned channel unchanged. The language is the one of the latest inbound
    /// interaction that carries a language.
    /// </remarks>
    public CustomerPreferences Learn(IEnumerable<Interaction> history)
    {
        Guard.NotNull(history);

        var latest = history
            .Where(i => i.Direction == InteractionDirection.Inbound)
            .OrderByDescending(i => i.TimelineKey)
            .Take(LearningWindow)
            .ToArray();

        var channel = PreferredChannel;
        var channelSource = PreferredChannelSource;
        if (channelSource != PreferenceSource.Stated && latest.Length > 0)
        {
            var top = latest.GroupBy(i => i.Channel).Select(g => (Channel: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToArray();
            var tie = top.Length > 1 && top[1].Count == top[0].Count;
            if (!tie && top[0].Count >= MinimumChannelEvidence && top[0].Count * 2 > latest.Length)
            {
                channel = top[0].Channel;
                channelSource = PreferenceSource.Learned;
            }
        }

        var language = Language;
        var languageSource = LanguageSource;
        if (languageSource != PreferenceSource.Stated && latest.FirstOrDefault(i => i.Language is not null)?.Language is { } learned)
        {
            language = learned;
            languageSource = PreferenceSource.Learned;
        }

        var result = new CustomerPreferences(channel, channelSource, language, languageSource, ReachableTimes, ReachableTimesSource, TimeZoneId);
        return result.Equals(this) ? this : result;
    }

    /// <summary>Returns whether every property is equal, the windows in order.</summary>
    /// <param name="other">The preferences to compare with.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public bool Equals(CustomerPreferences? other) =>
        other is not null
        && PreferredChannel == other.PreferredChannel
        && PreferredChannelSource == other.PreferredChannelSource
        && string.Equals(Language, other.Language, StringComparison.Ordinal)
        && LanguageSource == other.LanguageSource
        && ReachableTimes.SequenceEqual(other.ReachableTimes)
        && ReachableTimesSource == other.ReachableTimesSource
        && string.Equals(TimeZoneId, other.TimeZoneId, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as CustomerPreferences);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(PreferredChannel, Language, ReachableTimes.Count, TimeZoneId);

    /// <summary>Returns whether every property is equal.</summary>
    /// <param name="left">The first preferences.</param>
    /// <param name="right">The second preferences.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public static bool operator ==(CustomerPreferences? left, CustomerPreferences? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Returns whether any property differs.</summary>
    /// <param name="left">The first preferences.</param>
    /// <param name="right">The second preferences.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(CustomerPreferences? left, CustomerPreferences? right) => !(left == right);

    private static void RequireDefined(PreferenceSource source, string paramName)
    {
        if (source is < PreferenceSource.None or > PreferenceSource.Stated)
        {
            throw new ArgumentException($"The stored preference source {(int)source} is not defined. Use None, Learned or Stated.", paramName);
        }
    }

    internal static string NormalizeLanguage(string language)
    {
        var trimmed = language.Trim();
        var segments = trimmed.Split('-');
        if (trimmed.Length == 0 || segments.Any(s => s.Length is 0 or > 8 || !s.All(char.IsAsciiLetterOrDigit)) || !segments[0].All(char.IsAsciiLetter))
        {
            throw new FormatException($"'{language}' is not a valid BCP 47 language tag. Pass a tag such as 'de' or 'pt-BR'.");
        }

        return trimmed.ToLowerInvariant();
    }
}
