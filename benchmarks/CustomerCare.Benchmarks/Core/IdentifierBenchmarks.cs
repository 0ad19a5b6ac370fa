using BenchmarkDotNet.Attributes;
using CustomerCare.Core;

namespace CustomerCare.Benchmarks.Core;

/// <summary>Formatting and parsing of identifiers, which every store and JSON payload does.</summary>
[MemoryDiagnoser]
public class IdentifierBenchmarks
{
    private readonly CustomerId _id = CustomerId.Parse("cus_0192f0c1a2b37c4d8e9f00112233aabb");
    private readonly string _text = "cus_0192f0c1a2b37c4d8e9f00112233aabb";
    private readonly char[] _buffer = new char[64];

    [Benchmark]
    public CustomerId Parse() => CustomerId.Parse(_text);

    [Benchmark]
    public string Format() => _id.ToString();

    [Benchmark]
    public int FormatIntoSpan()
    {
        ((ISpanFormattable)_id).TryFormat(_buffer, out var written, default, null);
        return written;
    }

    [Benchmark]
    public Channel ParseWellKnownChannel() => Channel.Parse("email");

    [Benchmark]
    public Priority PriorityFromMatrix() => PriorityMatrix.Default.GetPriority(Impact.Medium, Urgency.High);
}
