using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Identity;
using CustomerCare.Testing;
using CustomerCare.Testing.Interactions;

namespace CustomerCare.Interactions.Tests.Identity;

public class IdentityResolverTests
{
    private readonly InMemoryCustomerStore _store = new();
    private readonly TestIdFactory _ids = new();

    [Theory]
    [InlineData("+49 30 1234567")]
    [InlineData("030 1234567")]
    [InlineData("0049301234567")]
    [InlineData("30/1234567")]
    public async Task Resolve_PhoneWrittenAnotherWay_Exact(string written)
    {
        var anna = await CreateAsync(ContactPoint.Phone("+49301234567"));
        var resolver = new IdentityResolver(_store);

        var match = await resolver.ResolveAsync(ContactPoint.Phone(written, "DE"));

        Assert.Equal(MatchConfidence.Exact, match.Confidence);
        Assert.Equal(anna.Id, match.Customer!.Id);
        Assert.Equal(ContactPointKind.Phone, match.MatchedBy!.Value.Kind);
        Assert.Equal($"exact match on Phone with {anna.Id}", match.Explanation);
    }

    [Fact]
    public async Task Resolve_MixedCaseEmail_Exact()
    {
        var anna = await CreateAsync(ContactPoint.Email("anna.berg@example.com"));

        var match = await new IdentityResolver(_store).ResolveAsync(ContactPoint.Email(" Anna.Berg@EXAMPLE.com"));

        Assert.Equal(anna.Id, match.Customer!.Id);
        Assert.Equal(MatchConfidence.Exact, match.Confidence);
    }

    [Fact]
    public async Task Resolve_Precedence_ExternalIdThenEmailThenPhone()
    {
        var byPhone = await CreateAsync(ContactPoint.Phone("+49301234567"));
        var byEmail = await CreateAsync(ContactPoint.Email("anna@example.com"));
        var byCrm = await CreateAsync(ContactPoint.ExternalId("crm", "C-1"));
        var resolver = new IdentityResolver(_store);

        var all = await resolver.ResolveAsync([ContactPoint.Phone("+49301234567"), ContactPoint.Email("anna@example.com"), ContactPoint.ExternalId("crm", "C-1")]);
        var emailAndPhone = await resolver.ResolveAsync([ContactPoint.Phone("+49301234567"), ContactPoint.Email("anna@example.com")]);
        var phoneOnly = await resolver.ResolveAsync([ContactPoint.Phone("+49301234567"), ContactPoint.Email("new@example.com")]);

        Assert.Equal(byCrm.Id, all.Customer!.Id);
        Assert.Equal(byEmail.Id, emailAndPhone.Customer!.Id);
        Assert.Equal(byPhone.Id, phoneOnly.Customer!.Id);
    }

    [Fact]
    public async Task Resolve_EmailOfCustomerWithOtherExternalId_SetAsideAsConflict()
    {
        var known = await CreateAsync(ContactPoint.Email("shared@example.com"), ContactPoint.ExternalId("crm", "C-1"));

        var match = await new IdentityResolver(_store).ResolveAsync([ContactPoint.Email("shared@example.com"), ContactPoint.ExternalId("crm", "C-2")]);

        Assert.Equal(MatchConfidence.New, match.Confidence);
        Assert.Null(match.Customer);
        Assert.Equal([known.Id], match.Conflicts);
        Assert.Contains("different external id", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_EmailOfCustomerWithoutExternalId_Exact()
    {
        var known = await CreateAsync(ContactPoint.Email("anna@example.com"));

        var match = await new IdentityResolver(_store).ResolveAsync([ContactPoint.Email("anna@example.com"), ContactPoint.ExternalId("crm", "C-2")]);

        Assert.Equal(MatchConfidence.Exact, match.Confidence);
        Assert.Equal(known.Id, match.Customer!.Id);
    }

    [Fact]
    public async Task Resolve_FoldedGmail_ProbableNeverExact()
    {
        var anna = await CreateAsync(ContactPoint.Email("anna.berg@gmail.com", foldProviderAliases: true));

        var match = await new IdentityResolver(_store).ResolveAsync(ContactPoint.Email("annaberg+news@googlemail.com", foldProviderAliases: true));

        Assert.Equal(MatchConfidence.Probable, match.Confidence);
        Assert.Equal(anna.Id, match.Customer!.Id);
        Assert.Equal([anna.Id], match.Candidates);
        Assert.Contains("a person should confirm", match.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_Unknown_New()
    {
        await CreateAsync(ContactPoint.Email("anna@example.com"));

        var match = await new IdentityResolver(_store).ResolveAsync([ContactPoint.Email("ben@example.com"), ContactPoint.PostalAddress("Hauptstraße 1", "DE")]);

        Assert.Equal(MatchConfidence.New, match.Confidence);
        Assert.Empty(match.Conflicts);
        Assert.Equal("no known customer matches", match.Explanation);
    }

    [Fact]
    public async Task Resolve_PostalAddressOnly_NeverMatches()
    {
        var address = ContactPoint.PostalAddress("Hauptstraße 1", "DE");
        await CreateAsync(address);

        var match = await new IdentityResolver(_store).ResolveAsync(address);

        Assert.Equal(MatchConfidence.New, match.Confidence);
    }

    [Fact]
    public async Task Resolve_BadInput_Throws()
    {
        var resolver = new IdentityResolver(_store);

        await Assert.ThrowsAsync<ArgumentException>(async () => await resolver.ResolveAsync(default(ContactPoint)));
        await Assert.ThrowsAsync<ArgumentException>(async () => await resolver.ResolveAsync([ContactPoint.Email("a@b.c"), default]));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await resolver.ResolveAsync((IReadOnlyList<ContactPoint>)null!));
    }

    private async Task<Customer> CreateAsync(params ContactPoint[] points) =>
        await _store.CreateAsync(new Customer { Id = _ids.NextCustomerId(), CreatedAt = Harness.Start, ContactPoints = points });
}
