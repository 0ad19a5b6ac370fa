using CustomerCare.CompetenceRouting;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.SelfService;
using CustomerCare.Sla.Policies;
using CustomerCare.Sop;

namespace CustomerCare;

/// <summary>
/// The policies and collaborators of <see cref="ServiceDesk"/>: routing, SLA, self-service, procedures and the opening
/// hours of each channel. Set them with the <c>With…</c> methods of <see cref="ServiceDeskBuilderExtensions"/> or with
/// <see cref="ServiceDeskBuilderExtensions.ConfigureServiceDesk"/>.
/// </summary>
/// <remarks>
/// The options are validated when the host starts, together with the storage registrations: a missing port, an invalid
/// routing policy, or a week in which no channel is open stops the start with a message that names the problem.
/// </remarks>
public sealed class ServiceDeskOptions
{
    /// <summary>Gets or sets the routing policy: levels, classification rules, ladders and overflow.</summary>
    /// <value>
    /// The default, when null, is one general ladder: first level for ten minutes, then second level, with every concern
    /// entering at the first level.
    /// </value>
    public RoutingPolicy? RoutingPolicy { get; set; }

    /// <summary>Gets or sets the routing options, such as the explanation detail.</summary>
    /// <value>The default, when null, is <see cref="RoutingOptions"/> with its own defaults.</value>
    public RoutingOptions? RoutingOptions { get; set; }

    /// <summary>Gets or sets the SLA policy whose targets the service desk tracks for each handed-off concern.</summary>
    /// <value>The default, when null, tracks no SLA clocks.</value>
    public SlaPolicy? SlaPolicy { get; set; }

    /// <summary>Gets or sets the matcher that self-service answers with.</summary>
    /// <value>The default, when null, skips self-service, so every new concern goes to a person.</value>
    public IKnowledgeMatcher? KnowledgeMatcher { get; set; }

    /// <summary>Gets or sets the self-service policy: confidence thresholds, sensitive intents and limits.</summary>
    /// <value>The default, when null, is <see cref="SelfServicePolicy.Default"/>.</value>
    public SelfServicePolicy? SelfServicePolicy { get; set; }

    /// <summary>Gets or sets the interactions settings: default phone region, threading windows, concern number tag.</summary>
    /// <value>
    /// The default, when null, is <see cref="InteractionsOptions"/> with its own defaults except
    /// <see cref="InteractionsOptions.ReopenWindow"/>, which is zero: a closed procedure is final, so a contact after the
    /// close starts a follow-up concern. A host that sets a reopen window gets closed concerns reopened in the
    /// customer's view while their procedure stays closed.
    /// </value>
    public InteractionsOptions? Interactions { get; set; }

    /// <summary>
    /// Gets or sets the key that signs reference tokens in reply addresses and subjects; at least 32 bytes, the same on
    /// every host instance.
    /// </summary>
    /// <value>
    /// The default, when null, is a random key per process, so tokens issued before a restart no longer thread replies.
    /// Set a stored key in production.
    /// </value>
    public byte[]? ReferenceTokenKey { get; set; }

    /// <summary>Gets or sets the procedures that concerns follow.</summary>
    /// <value>
    /// The default, when null, is a catalog with <see cref="DefaultLifecycle.Definition"/> for <c>incident</c> and
    /// <c>service-request</c>.
    /// </value>
    public ProcedureCatalog? Procedures { get; set; }

    /// <summary>Gets or sets the concern type whose procedure a handed-off concern starts, unless the contact names one.</summary>
    /// <value>The default is <c>incident</c>.</value>
    public string ConcernType { get; set; } = "incident";

    /// <summary>
    /// Gets or sets the business calendar of the organization: SOP timers in business time and the default phone hours
    /// count on it.
    /// </summary>
    /// <value>
    /// The default, when null, is Monday to Friday 08:00 to 18:00 in <see cref="CustomerCareOptions.TimeZone"/>, without
    /// holidays.
    /// </value>
    public IBusinessCalendar? BusinessCalendar { get; set; }

    /// <summary>Gets the opening hours per channel. A channel that is not listed is open whenever the default says.</summary>
    /// <value>
    /// Empty by default, which means: <see cref="Channel.Phone"/> on <see cref="BusinessCalendar"/>, every other channel
    /// (email, web, letter, chat, ...) always open. The service desk must be reachable on at least one channel at every
    /// instant of a week, which is checked at start.
    /// </value>
    public IDictionary<Channel, IBusinessCalendar> ChannelHours { get; } = new Dictionary<Channel, IBusinessCalendar>();

    /// <summary>Gets or sets whether receiving a contact and escalating run a routing pass, so the result names the offered agent.</summary>
    /// <value>
    /// The default is <see langword="true"/>. A routing pass visits every waiting concern, so a host that receives many
    /// contacts while a long queue waits sets it to <see langword="false"/>: the concern is then only enqueued
    /// (<see cref="InboundOutcome.Queued"/>), and the next <see cref="ServiceDesk.ProcessDueWorkAsync"/> makes the offers.
    /// </value>
    public bool RouteOnReceive { get; set; } = true;

    /// <summary>Gets or sets how long a leased due item stays with this instance before another may take it.</summary>
    /// <value>The default is one minute; it must be positive.</value>
    public NodaTime.Duration DueWorkLease { get; set; } = NodaTime.Duration.FromMinutes(1);
}
