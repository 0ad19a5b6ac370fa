using BenchmarkDotNet.Attributes;
using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Identity;
using CustomerCare.Testing.Interactions;

namespace CustomerCare.Benchmarks.Interactions;

/// <summary>
/// Identity resolution by email among 100,000 customers, with the address already normalized at the channel edge.
/// Goal: at most 1 µs. The baseline scans every customer's contact points. Normalization itself is measured separately.
/// </summary>
[MemoryDiagnoser]
public class IdentityBenchmarks
{
    private const int Customers = 100_000;

    private readonly IdentityResolver _resolver;
    private readonly Customer[] _all;
    private readonly ContactPoint _known = ContactPoint.Email("customer77777@example.com");
    private readonly ContactPoint _unknown = ContactPoint.Email("nobody@example.com");

    public IdentityBenchmarks()
    {
        var store = new InMemoryCustomerStore();
        _all = new Customer[Customers];
        for (var i = 0; i < Customers; i++)
        {
            _all[i] = store.CreateAsync(new Customer
            {
                Id = InteractionData.Customer(i),
                CreatedAt = InteractionData.Start,
                ContactPoints = [ContactPoint.Email($"customer{i}@example.com"), ContactPoint.Phone($"+4930{1_000_000 + i}")],
            }).Completed();
        }

        _resolver = new IdentityResolver(store);
    }

    [Benchmark(Baseline = true)]
    public CustomerId NaiveScan()
    {
        foreach (var customer in _all)
        {
            if (customer.Has(_known))
            {
                return customer.Id;
            }
        }

        return default;
    }

    [Benchmark]
    public MatchConfidence ResolveKnownEmail() => _resolver.ResolveAsync(_known).Completed().Confidence;

    [Benchmark]
    public MatchConfidence ResolveUnknownEmail() => _resolver.ResolveAsync(_unknown).Completed().Confidence;

    [Benchmark]
    public string NormalizeEmail() => ContactPoint.Email(" Customer77777@Example.COM ").Value;

    [Benchmark]
    public string NormalizePhone() => ContactPoint.Phone("030 1234567", "DE").Value;
}
