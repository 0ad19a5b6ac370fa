using System.Diagnostics.CodeAnalysis;
using CustomerCare.CompetenceRouting;
using CustomerCare.Core;
using CustomerCare.SelfService;
using CustomerCare.Sla.Policies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CustomerCare;

/// <summary>Configures the <see cref="ServiceDesk"/> on <see cref="ICustomerCareBuilder"/>.</summary>
public static class ServiceDeskBuilderExtensions
{
    /// <summary>Configures the service desk options in code.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the options; runs after earlier callbacks.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static ICustomerCareBuilder ConfigureServiceDesk(this ICustomerCareBuilder builder, Action<ServiceDeskOptions> configure)
    {
        Guard.NotNull(builder);
        Guard.NotNull(configure);

        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Routes handed-off concerns with <paramref name="policy"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="policy">The routing policy: levels, rules, ladders and overflow.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="policy"/> is null.</exception>
    public static ICustomerCareBuilder WithRouting(this ICustomerCareBuilder builder, RoutingPolicy policy)
    {
        Guard.NotNull(policy);
        return builder.ConfigureServiceDesk(o => o.RoutingPolicy = policy);
    }

    /// <summary>Tracks the targets of <paramref name="policy"/> for every handed-off concern.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="policy">The SLA policy.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="policy"/> is null.</exception>
    public static ICustomerCareBuilder WithSla(this ICustomerCareBuilder builder, SlaPolicy policy)
    {
        Guard.NotNull(policy);
        return builder.ConfigureServiceDesk(o => o.SlaPolicy = policy);
    }

    /// <summary>Answers new concerns from the knowledge that <paramref name="matcher"/> matches, before a person sees them.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="matcher">The matcher, such as <c>Bm25KnowledgeMatcher.Build(articles)</c>.</param>
    /// <param name="policy">The confidence thresholds and limits; null for <see cref="SelfServicePolicy.Default"/>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="matcher"/> is null.</exception>
    public static ICustomerCareBuilder WithSelfService(this ICustomerCareBuilder builder, IKnowledgeMatcher matcher, SelfServicePolicy? policy = null)
    {
        Guard.NotNull(matcher);
        return builder.ConfigureServiceDesk(o =>
        {
            o.KnowledgeMatcher = matcher;
            o.SelfServicePolicy = policy;
        });
    }

    /// <summary>Sets the opening hours of a channel; once any channel is set, only the set channels count for reachability.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="channel">The channel.</param>
    /// <param name="hours">When the channel is open, such as an office calendar or an always-open calendar.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="hours"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is the default value.</exception>
    public static ICustomerCareBuilder WithChannelHours(this ICustomerCareBuilder builder, Channel channel, IBusinessCalendar hours)
    {
        Guard.NotDefault(channel);
        Guard.NotNull(hours);
        return builder.ConfigureServiceDesk(o => o.ChannelHours[channel] = hours);
    }

    /// <summary>Adds an observer of the service desk's events; several may be added.</summary>
    /// <typeparam name="TObserver">The observer type, created once by the service provider.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <remarks>Adding the same type twice registers it once.</remarks>
    public static ICustomerCareBuilder AddServiceDeskObserver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObserver>(this ICustomerCareBuilder builder)
        where TObserver : class, IServiceDeskObserver
    {
        Guard.NotNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceDeskObserver, TObserver>());
        return builder;
    }

    /// <summary>Adds an observer instance of the service desk's events; several may be added.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="observer">The observer.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="observer"/> is null.</exception>
    public static ICustomerCareBuilder AddServiceDeskObserver(this ICustomerCareBuilder builder, IServiceDeskObserver observer)
    {
        Guard.NotNull(builder);
        Guard.NotNull(observer);
        builder.Services.AddSingleton(observer);
        return builder;
    }

    /// <summary>
    /// Runs <see cref="ServiceDesk.ProcessDueWorkAsync"/> in a hosted background service: at the next due SLA instant,
    /// and at least every <see cref="CustomerCareOptions.DueWorkMaxInterval"/> for timers and offer expiries.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is null.</exception>
    /// <remarks>
    /// Opt in on every host instance that should process due work; instances share it through the leased work queue.
    /// Calling this twice registers the service once. Waiting uses the registered <see cref="TimeProvider"/>, or the
    /// system's.
    /// </remarks>
    public static ICustomerCareBuilder AddDueWorkService(this ICustomerCareBuilder builder)
    {
        Guard.NotNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DueWorkService>());
        return builder;
    }
}
