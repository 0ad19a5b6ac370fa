using CustomerCare.Core;
using NodaTime;

namespace CustomerCare;

/// <summary>How long one channel is open in a checked week.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="Open">The elapsed time the channel is open in the week.</param>
public readonly record struct ChannelOpenTime(Channel Channel, Duration Open);
