namespace CustomerCare.SelfService;

/// <summary>
/// Scratch space that <see cref="TextAnalyzer"/> writes the tokens of one text into, reused across calls so that
/// analyzing a query allocates nothing once the buffers have grown to fit.
/// </summary>
/// <remarks>An instance is not thread-safe; each thread uses its own.</remarks>
internal sealed class TokenBuffer
{
    private char[] _chars = new char[256];
    private int[] _starts = new int[32];
    private int[] _lengths = new int[32];
    private char[] _normalized = new char[256];

    public int Count { get; private set; }

    public int CharCount { get; private set; }

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _lengths[index]);

    public void Clear()
    {
        Count = 0;
        CharCount = 0;
    }

    /// <summary>Returns a writable span of at least <paramref name="length"/> characters for the normalized text.</summary>
    public Span<char> NormalizationSpace(int length)
    {
        if (_normalized.Length < length)
        {
            _normalized = new char[Math.Max(length, _normalized.Length * 2)];
        }

        return _normalized;
    }

    /// <summary>Returns the writable space for the next token, of at least <paramref name="maxLength"/> characters.</summary>
    public Span<char> BeginToken(int maxLength)
    {
        if (_chars.Length < CharCount + maxLength)
        {
            Array.Resize(ref _chars, Math.Max(CharCount + maxLength, _chars.Length * 2));
        }

        return _chars.AsSpan(CharCount, maxLength);
    }

    /// <summary>Keeps the first <paramref name="length"/> characters written after <see cref="BeginToken"/> as a token.</summary>
    public void CommitToken(int length)
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _lengths, Count * 2);
        }

        _starts[Count] = CharCount;
        _lengths[Count] = length;
        Count++;
        CharCount += length;
    }
}
