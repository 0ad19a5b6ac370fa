using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare;

/// <summary>The <see cref="ICustomerCareBuilder"/> that <c>AddCustomerCare</c> returns.</summary>
internal sealed class CustomerCareBuilder(IServiceCollection services) : ICustomerCareBuilder
{
    public IServiceCollection Services { get; } = services;
}
