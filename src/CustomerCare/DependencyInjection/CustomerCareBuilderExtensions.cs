using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace CustomerCare;

/// <summary>Settings on <see cref="ICustomerCareBuilder"/> that every host may need.</summary>
public static class CustomerCareBuilderExtensions
{
    /// <summary>Makes CustomerCare read the current time from <paramref name="clock"/>, replacing any registered <see cref="IClock"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="clock">The clock, such as a NodaTime <c>FakeClock</c> in tests.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="clock"/> is null.</exception>
    public static ICustomerCareBuilder UseClock(this ICustomerCareBuilder builder, IClock clock)
    {
        Guard.NotNull(builder);
        Guard.NotNull(clock);

        builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        return builder;
    }
}
