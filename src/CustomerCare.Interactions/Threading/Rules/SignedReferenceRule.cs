using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;

namespace CustomerCare.Interactions.Threading.Rules;

/// <summary>
/// Step 2: a valid signed reference token in a reply address, the subject or the body attaches the interaction to
/// the token's concern. The token carries an HMAC made with the host's key, so ids from foreign systems and guessed ids
/// never match, and it still works when the customer's mail client drops the threading headers.
/// </summary>
/// <remarks>This type is thread-safe.</remarks>
public sealed class SignedReferenceRule : IThreadingRule
{
    private readonly ReferenceTokenSigner _signer;

    /// <summary>Initializes the rule.</summary>
    /// <param name="signer">The signer with the host's key.</param>
    /// <exception cref="ArgumentNullException"><paramref name="signer"/> is null.</exception>
    public SignedReferenceRule(ReferenceTokenSigner signer)
    {
        _signer = Guard.NotNull(signer);
    }

    /// <inheritdoc/>
    public string Name => "signed-reference";

    /// <inheritdoc/>
    public ValueTask<ThreadingDecision> DecideAsync(ThreadingContext context, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(context);
        var interaction = context.Interaction;
        var sawInvalid = false;

        foreach (var participant in interaction.Participants)
        {
            if (participant.Role is ParticipantRole.To or ParticipantRole.Cc && participant.ContactPoint.Kind == ContactPointKind.Email)
            {
                var address = participant.ContactPoint.Value;
                var local = address.AsSpan(0, Math.Max(0, address.LastIndexOf('@')));
                if (_signer.TryFind(local, "+", out var fromAddress, out var invalid))
                {
                    return Found(fromAddress, "the reply address");
                }

                sawInvalid |= invalid;
            }
        }

        if (interaction.Subject is { } subject)
        {
            if (_signer.TryFind(subject, "[ref:", out var fromSubject, out var invalid))
            {
                return Found(fromSubject, "the subject");
            }

            sawInvalid |= invalid;
        }

        if (context.BodyText is { } body)
        {
            if (_signer.TryFind(body, "ref:", out var fromBody, out var invalid))
            {
                return Found(fromBody, "the body");
            }

            sawInvalid |= invalid;
        }

        return ValueTask.FromResult(ThreadingDecision.Continue(
            sawInvalid ? "a reference token was found but its signature is not valid, so it is ignored" : "no signed reference token was found"));
    }

    private static ValueTask<ThreadingDecision> Found(ConcernId concernId, string where) =>
        ValueTask.FromResult(ThreadingDecision.Attach(concernId, $"{where} carries a valid signed reference to {concernId}"));
}
