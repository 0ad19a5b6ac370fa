using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare;

/// <summary>
/// Configures CustomerCare after <see cref="CustomerCareServiceCollectionExtensions.AddCustomerCare(IServiceCollection)"/>.
/// The CustomerCare packages add their <c>With…</c> and <c>Use…</c> methods to this interface as extension methods.
/// </summary>
public interface ICustomerCareBuilder
{
    /// <summary>Gets the service collection that CustomerCare registers into.</summary>
    IServiceCollection Services { get; }
}
