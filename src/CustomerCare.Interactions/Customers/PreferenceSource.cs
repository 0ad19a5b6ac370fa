namespace CustomerCare.Interactions.Customers;

/// <summary>Where a customer preference comes from, which decides whether learning may overwrite it.</summary>
public enum PreferenceSource
{
    /// <summary>The preference is not set.</summary>
    None = 0,

    /// <summary>Derived from the customer's interactions; the next learning pass may change it.</summary>
    Learned = 1,

    /// <summary>Stated by the customer or an agent; learning never overwrites it.</summary>
    Stated = 2,
}
