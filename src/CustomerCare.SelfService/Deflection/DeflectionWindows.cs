using System.Collections.Frozen;
using CustomerCare.Core;
using NodaTime;

namespace CustomerCare.SelfService;

/// <summary>
/// How long after an accepted self-service answer a new contact about the same concern turns it into a failed
/// deflection, per channel.
/// </summary>
/// <remarks>
/// The defaults follow common practice in service desks: 72 hours for email, whose replies come slowly, and 2 hours
/// for messaging (chat and social media direct messages). Other channels use <see cref="Fallback"/>, 72 hours by
/// default. This type is immutable and thread-safe.
/// </remarks>
public sealed class DeflectionWindows
{
    private readonly FrozenDictionary<Channel, Duration> _byChannel;

    /// <summary>Initializes windows.</summary>
    /// <param name="fallback">The window of channels without their own.</param>
    /// <param name="byChannel">The windows by channel.</param>
    /// <exception cref="ArgumentNullException"><paramref name="byChannel"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A window is zero or negative.</exception>
    /// <exception cref="ArgumentException">A channel is <c>default</c>.</exception>
    public DeflectionWindows(Duration fallback, IReadOnlyDictionary<Channel, Duration> byChannel)
    {
        Fallback = Guard.Positive(fallback);
        _byChannel = Guard.NotNull(byChannel).ToFrozenDictionary();
        foreach (var (channel, window) in _byChannel)
        {
            Guard.NotDefault(channel, nameof(byChannel));
            Guard.Positive(window, nameof(byChannel));
        }
    }

    /// <summary>Gets the defaults: email 72 hours, chat and social media 2 hours, every other channel 72 hours.</summary>
    public static DeflectionWindows Default { get; } = new(
        Duration.FromHours(72),
        new Dictionary<Channel, Duration>
        {
            [Channel.Email] = Duration.FromHours(72),
            [Channel.Chat] = Duration.FromHours(2),
            [Channel.SocialMedia] = Duration.FromHours(2),
        });

    /// <summary>Gets the window of channels without their own.</summary>
    public Duration Fallback { get; }

    /// <summary>Gets the windows by channel.</summary>
    public IReadOnlyDictionary<Channel, Duration> ByChannel => _byChannel;

    /// <summary>Returns the window of <paramref name="channel"/>.</summary>
    /// <param name="channel">The channel of the self-service conversation.</param>
    /// <returns>Its own window, or <see cref="Fallback"/>.</returns>
    public Duration For(Channel channel) => _byChannel.TryGetValue(channel, out var window) ? window : Fallback;
}
