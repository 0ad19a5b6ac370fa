using CustomerCare.Core;
using CustomerCare.Interactions.Threading;
using CustomerCare.Testing;

namespace CustomerCare.Interactions.Tests.Threading;

public sealed class ReferenceTokenSignerTests : IDisposable
{
    private readonly ReferenceTokenSigner _signer = new(Harness.Key);
    private readonly TestIdFactory _ids = new();

    [Fact]
    public void CreateToken_RoundTripsCaseInsensitively()
    {
        var concern = _ids.NextConcernId();

        var token = _signer.CreateToken(concern);

        Assert.Equal(ReferenceTokenSigner.TokenLength, token.Length);
        Assert.Equal(token, token.ToLowerInvariant());
        Assert.True(_signer.TryVerify(token, out var lower));
        Assert.True(_signer.TryVerify(token.ToUpperInvariant(), out var upper));
        Assert.Equal(concern, lower);
        Assert.Equal(concern, upper);
        Assert.Equal($"[ref:{token}]", _signer.CreateSubjectTag(concern));
    }

    [Fact]
    public void TryVerify_OtherKeyOrTampered_Fails()
    {
        var token = _signer.CreateToken(_ids.NextConcernId());
        var otherKey = new ReferenceTokenSigner([.. Enumerable.Repeat((byte)7, 32)]);
        var tampered = string.Concat(token[0] == 'a' ? "b" : "a", token.AsSpan(1));

        Assert.False(otherKey.TryVerify(token, out _));
        Assert.False(_signer.TryVerify(tampered, out _));
        Assert.False(_signer.TryVerify(token.AsSpan(0, token.Length - 1), out _));
        Assert.False(_signer.TryVerify(token[..^1] + "!", out _));
    }

    [Fact]
    public void TryVerify_ManyThreads_AllVerify()
    {
        var concerns = Enumerable.Range(0, 64).Select(_ => _ids.NextConcernId()).ToArray();
        var tokens = concerns.Select(_signer.CreateToken).ToArray();

        var verified = new ConcernId[tokens.Length];
        Parallel.For(0, tokens.Length, i => _signer.TryVerify(tokens[i], out verified[i]));

        Assert.Equal(concerns, verified);
    }

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new ReferenceTokenSigner(new byte[16]));

        Assert.Contains("at least 32", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => new ReferenceTokenSigner(null!));
    }
}
