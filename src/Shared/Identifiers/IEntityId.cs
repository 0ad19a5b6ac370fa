namespace CustomerCare;

/// <summary>
/// Contract of the typed identifiers, so that formatting, parsing and JSON conversion are written once.
/// </summary>
/// <remarks>
/// An identifier wraps a non-empty <see cref="Guid"/> and prints as its prefix, an underscore and 32 lower-case
/// hexadecimal digits, for example <c>cus_0192f0c1a2b37c4d8e9f00112233aabb</c>. The prefix keeps a concern id
/// from being parsed as a customer id.
/// </remarks>
internal interface IEntityId<TSelf>
    where TSelf : struct, IEntityId<TSelf>
{
    /// <summary>Gets the prefix before the underscore, three lower-case letters.</summary>
    static abstract string Prefix { get; }

    /// <summary>Gets the wrapped value.</summary>
    Guid Value { get; }

    /// <summary>Wraps a value that is already known to be valid.</summary>
    static abstract TSelf FromValidGuid(Guid value);
}
