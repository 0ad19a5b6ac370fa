using CustomerCare.Interactions.ContactPoints;

namespace CustomerCare.Interactions.Tests.ContactPoints;

public class ContactPointTests
{
    [Theory]
    [InlineData("anna@example.com", "anna@example.com")]
    [InlineData("  Anna.Berg@Example.COM ", "anna.berg@example.com")]
    [InlineData("ANNA+shop@EXAMPLE.com", "anna+shop@example.com")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("info@Bücher.de", "info@xn--bcher-kva.de")]
    [InlineData("info@xn--bcher-kva.de", "info@xn--bcher-kva.de")]
    [InlineData("admin@[192.0.2.1]", "admin@[192.0.2.1]")]
    public void Email_Valid_Normalizes(string raw, string expected)
    {
        var point = ContactPoint.Email(raw);

        Assert.Equal(ContactPointKind.Email, point.Kind);
        Assert.Equal(expected, point.Value);
        Assert.Equal(raw.Trim(), point.Display);
        Assert.Null(point.LooseValue);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("anna.example.com", "local-part@domain")]
    [InlineData("anna@", "local-part@domain")]
    [InlineData("@example.com", "local-part@domain")]
    [InlineData("Anna Berg <anna@example.com>", "display name")]
    [InlineData("anna berg@example.com", "white space")]
    [InlineData("anna@@example.com", "not a valid address")]
    [InlineData("anna@exa_mple.com", "not a valid host name")]
    public void Email_Invalid_NamesValueAndReason(string raw, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => ContactPoint.Email(raw));

        Assert.Contains($"'{raw}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_TooLong_Rejected()
    {
        var local = new string('a', 65);

        var exception = Assert.Throws<FormatException>(() => ContactPoint.Email(local + "@example.com"));

        Assert.Contains("local part has 65 characters", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Anna.Berg+shop@gmail.com", "annaberg@gmail.com")]
    [InlineData("annaberg@googlemail.com", "annaberg@gmail.com")]
    [InlineData("a.n.n.a.berg@GMAIL.com", "annaberg@gmail.com")]
    public void Email_FoldGmail_FillsLooseValueOnly(string raw, string loose)
    {
        var point = ContactPoint.Email(raw, foldProviderAliases: true);

        Assert.Equal(loose, point.LooseValue);
        Assert.NotEqual(loose, point.Value);
        Assert.Null(ContactPoint.Email("anna.berg@example.com", foldProviderAliases: true).LooseValue);
    }

    [Theory]
    [InlineData("+49 30 1234567", null, "+49301234567")]
    [InlineData("+49 (0)30 123 45 67", null, "+49301234567")]
    [InlineData("0049 30 1234567", "DE", "+49301234567")]
    [InlineData("030 1234567", "DE", "+49301234567")]
    [InlineData("030/123 45-67", "de", "+49301234567")]
    [InlineData("30 1234567", "DE", "+49301234567")]
    [InlineData("+1 (650) 253-0000", "DE", "+16502530000")]
    [InlineData("(650) 253-0000", "US", "+16502530000")]
    [InlineData("1-650-253-0000", "US", "+16502530000")]
    [InlineData("+44 20 7946 0958", null, "+442079460958")]
    [InlineData("020 7946 0958", "GB", "+442079460958")]
    [InlineData("+41 44 668 18 00", "DE", "+41446681800")]
    [InlineData("0151 23456789", "DE", "+4915123456789")]
    public void Phone_WrittenVariously_NormalizesToE164(string raw, string? region, string expected)
    {
        var point = ContactPoint.Phone(raw, region);

        Assert.Equal(ContactPointKind.Phone, point.Kind);
        Assert.Equal(expected, point.Value);
        Assert.Equal(raw, point.Display);
    }

    [Theory]
    [InlineData("030 1234567", null, "no international prefix")]
    [InlineData("", "DE", "empty")]
    [InlineData("hello", "DE", "not a phone number")]
    [InlineData("+49 1", "DE", "too few digits")]
    [InlineData("+1 200 555 0100", null, "not a valid number in region")]
    [InlineData("+999 1234567", null, "country calling code is unknown")]
    [InlineData("030 1234567", "XX", "not an ISO 3166-1 region")]
    public void Phone_Invalid_NamesValueAndReason(string raw, string? region, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => ContactPoint.Phone(raw, region));

        Assert.Contains($"'{raw}'", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.Message.Contains(reason, StringComparison.Ordinal), exception.Message);
    }

    [Fact]
    public void Fax_SameNumberAsPhone_DifferentContactPoint()
    {
        var fax = ContactPoint.Fax("030 1234567", "DE");
        var phone = ContactPoint.Phone("+49301234567");

        Assert.Equal(phone.Value, fax.Value);
        Assert.NotEqual(phone, fax);
    }

    [Fact]
    public void PostalAddress_LinesAndCaseIgnored()
    {
        var a = ContactPoint.PostalAddress("Hauptstraße 1,  10115   Berlin", "de");
        var b = ContactPoint.PostalAddress("HAUPTSTRASSE 1\n10115 Berlin\n", "DE");
        var c = ContactPoint.PostalAddress(" hauptstraße 1 \r\n 10115 berlin ", "DE");

        Assert.Equal("hauptstraße 1\n10115 berlin\nDE", a.Value);
        Assert.Equal(a, c);
        Assert.NotEqual(a, b);
        Assert.Equal("Hauptstraße 1\n10115 Berlin\nDE", a.Display);
    }

    [Theory]
    [InlineData("", "DE", "no non-empty line")]
    [InlineData("Hauptstraße 1", "DEU", "two ASCII letters")]
    [InlineData("Hauptstraße 1", "1E", "two ASCII letters")]
    public void PostalAddress_Invalid_Rejected(string address, string country, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => ContactPoint.PostalAddress(address, country));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScopedKinds_ScopeNormalizedValueRules()
    {
        var crm = ContactPoint.ExternalId(" CRM ", " C-10023 ");
        var chat = ContactPoint.ChatHandle("WhatsApp", "@AnnaB");
        var web = ContactPoint.WebAccount("shop", "AnnaB");

        Assert.Equal(("crm", "C-10023"), (crm.Scope, crm.Value));
        Assert.NotEqual(crm, ContactPoint.ExternalId("crm", "c-10023"));
        Assert.Equal(("whatsapp", "annab"), (chat.Scope, chat.Value));
        Assert.Equal(chat, ContactPoint.ChatHandle("whatsapp", "annab"));
        Assert.NotEqual(web, ContactPoint.WebAccount("shop", "annab"));
        Assert.NotEqual(crm, ContactPoint.ExternalId("shop", "C-10023"));
    }

    [Theory]
    [InlineData("crm", "", "empty")]
    [InlineData("crm", "C 1", "white space")]
    [InlineData("1crm", "C-1", "scope '1crm' is not a valid name")]
    [InlineData("c r m", "C-1", "is not a valid name")]
    public void ExternalId_Invalid_Rejected(string system, string id, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => ContactPoint.ExternalId(system, id));

        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_Invalid_ReturnsReasonWithoutThrowing()
    {
        var valid = ContactPoint.TryCreate(ContactPointKind.Phone, "030 1234567", "DE", out var phone, out var noReason);
        var invalid = ContactPoint.TryCreate(ContactPointKind.Email, "nobody", null, out var email, out var reason);
        var undefined = ContactPoint.TryCreate((ContactPointKind)99, "x", null, out _, out var kindReason);
        var nullValue = ContactPoint.TryCreate(ContactPointKind.Email, null, null, out _, out var nullReason);

        Assert.True(valid);
        Assert.Equal("+49301234567", phone.Value);
        Assert.Null(noReason);
        Assert.False(invalid);
        Assert.Equal(default, email);
        Assert.Contains("local-part@domain", reason, StringComparison.Ordinal);
        Assert.False(undefined);
        Assert.Contains("99", kindReason, StringComparison.Ordinal);
        Assert.False(nullValue);
        Assert.NotNull(nullReason);
    }

    [Fact]
    public void Equality_UsesKindScopeAndNormalizedValue()
    {
        var a = ContactPoint.Email("Anna@Example.com");
        var b = ContactPoint.Email("anna@example.COM");

        Assert.True(a == b);
        Assert.False(a != b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a.Equals((object)b));
        Assert.Equal("Email anna@example.com", a.ToString());
        Assert.Equal("ExternalId crm:7", ContactPoint.ExternalId("crm", "7").ToString());
        Assert.Equal(string.Empty, default(ContactPoint).Value);
    }

    [Fact]
    public void Factories_Null_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ContactPoint.Email(null!));
        Assert.Throws<ArgumentNullException>(() => ContactPoint.Phone(null!));
        Assert.Throws<ArgumentNullException>(() => ContactPoint.ExternalId("crm", null!));
    }

    public static TheoryData<ContactPoint> EveryKind() =>
    [
        ContactPoint.Email(" Anna.Berg+shop@GMail.com ", foldProviderAliases: true),
        ContactPoint.Phone("030 1234567", "DE"),
        ContactPoint.Fax("+49 30 7654321"),
        ContactPoint.PostalAddress("Hauptstraße 1,  10115 Berlin", "de"),
        ContactPoint.WebAccount("Shop", "anna.berg"),
        ContactPoint.ChatHandle("whatsapp", "@Anna"),
        ContactPoint.ExternalId("crm", "C-10023"),
    ];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Restore_StoredProperties_RoundTrips(ContactPoint point)
    {
        var restored = ContactPoint.Restore(point.Kind, point.Scope, point.Value, point.Display, point.LooseValue);

        Assert.Equal(point, restored);
        Assert.Equal(point.Display, restored.Display);
        Assert.Equal(point.LooseValue, restored.LooseValue);
    }

    [Fact]
    public void Restore_Inconsistent_Throws()
    {
        Assert.Throws<ArgumentException>(() => ContactPoint.Restore((ContactPointKind)99, null, "x", "x", null));
        Assert.Throws<ArgumentException>(() => ContactPoint.Restore(ContactPointKind.ExternalId, null, "C-1", "C-1", null));
        Assert.Throws<ArgumentException>(() => ContactPoint.Restore(ContactPointKind.Email, "crm", "a@b.example", "a@b.example", null));
        Assert.Throws<ArgumentException>(() => ContactPoint.Restore(ContactPointKind.Phone, null, "+49301234567", "030 1234567", "loose"));
        Assert.Throws<ArgumentException>(() => ContactPoint.Restore(ContactPointKind.Email, null, " ", "a", null));
        Assert.Throws<ArgumentNullException>(() => ContactPoint.Restore(ContactPointKind.Email, null, "a@b.example", null!, null));
    }
}
