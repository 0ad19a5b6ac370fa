namespace CustomerCare.Core.Tests.Errors;

public class ExceptionTests
{
    [Fact]
    public void ValidationError_ToString_HasPathValueAndFix()
    {
        var error = new ValidationError("calendar 'berlin' → weekly → Monday[1]", "overlaps interval 0", "Join or separate them.", "08:00-12:00");

        Assert.Equal("calendar 'berlin' → weekly → Monday[1]: overlaps interval 0 (value '08:00-12:00'). Join or separate them.", error.ToString());
    }

    [Fact]
    public void ValidationException_ListsEveryError()
    {
        var exception = new CustomerCareValidationException(
        [
            new ValidationError("a", "is wrong", "Fix a."),
            new ValidationError("b", "is wrong too", "Fix b."),
        ]);

        Assert.Equal(2, exception.Errors.Count);
        Assert.StartsWith("2 validation errors:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("- a: is wrong. Fix a.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("- b: is wrong too. Fix b.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidationException_NoErrors_Throws()
    {
        Assert.Throws<ArgumentException>(() => new CustomerCareValidationException(Array.Empty<ValidationError>()));
        Assert.Throws<ArgumentException>(() => new CustomerCareValidationException([null!]));
    }

    [Fact]
    public void ConcurrencyConflict_NamesVersions()
    {
        var exception = new ConcurrencyConflictException("Concern", "con_1", expectedVersion: 3, actualVersion: 4);

        Assert.Equal(3, exception.ExpectedVersion);
        Assert.Equal(4, exception.ActualVersion);
        Assert.Contains("expected version 3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("stored version is 4", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Reload it", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CustomerCareException>(exception);
    }

    [Fact]
    public void ConcurrencyConflict_Missing_SaysSo()
    {
        var exception = new ConcurrencyConflictException("Concern", "con_1", 2, null);

        Assert.Contains("none (it does not exist)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EntityNotFound_NamesEntity()
    {
        var exception = new EntityNotFoundException("Customer", "cus_1");

        Assert.Equal("Customer cus_1 was not found. Check the identifier, or whether the entity was merged or erased.", exception.Message);
    }
}
