using CustomerCare.Core;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;

namespace CustomerCare.Interactions.Identity;

/// <summary>
/// Finds the customer that a contact comes from, by its contact points, in a fixed precedence: external id, then
/// email, then phone and fax, then chat handle, then web account.
/// </summary>
/// <remarks>
/// <para>
/// External ids come first because they come from the host's verified records. Email comes before phone because an
/// address names one mailbox, while a phone number is more often shared in a household or company. Postal addresses
/// are never used for resolution, because households and companies share them.
/// </para>
/// <para>
/// A customer that matches by email, phone, chat handle or web account is set aside as a conflict when the request
/// carries an external id in a system where that customer has a different one: the host's system says they are two
/// people, and two records with different external ids are never merged automatically.
/// </para>
/// <para>
/// When nothing matches exactly, folded values (<see cref="ContactPoint.LooseValue"/>) give a
/// <see cref="MatchConfidence.Probable"/> match that a person should confirm. Phone numbers written in different ways
/// (<c>030 1234567</c>, <c>+49 30 1234567</c>, <c>0049301234567</c>) normalize to the same E.164 value and match
/// exactly, so no duplicate customer is created for them.
/// </para>
/// <para>The resolver only reads and is thread-safe.</para>
/// </remarks>
public sealed class IdentityResolver
{
    private static readonly ContactPointKind[] Precedence =
    [
        ContactPointKind.ExternalId,
        ContactPointKind.Email,
        ContactPointKind.Phone,
        ContactPointKind.Fax,
        ContactPointKind.ChatHandle,
        ContactPointKind.WebAccount,
    ];

    private static readonly IdentityMatch NoMatch = new(MatchConfidence.New, null, null, null, null);

    private readonly ICustomerStore _customers;

    /// <summary>Initializes a resolver.</summary>
    /// <param name="customers">The customer store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="customers"/> is null.</exception>
    public IdentityResolver(ICustomerStore customers)
    {
        _customers = Guard.NotNull(customers);
    }

    /// <summary>Resolves the customer of a contact from one contact point, such as the sender's email address.</summary>
    /// <param name="contactPoint">The contact point.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The match.</returns>
    /// <exception cref="ArgumentException"><paramref name="contactPoint"/> is default.</exception>
    public async ValueTask<IdentityMatch> ResolveAsync(ContactPoint contactPoint, CancellationToken cancellationToken = default)
    {
        RequireValid(contactPoint, nameof(contactPoint));
        if (contactPoint.Kind != ContactPointKind.PostalAddress)
        {
            var customer = await _customers.FindByContactPointAsync(contactPoint, cancellationToken).ConfigureAwait(false);
            if (customer is not null)
            {
                return new IdentityMatch(MatchConfidence.Exact, customer, contactPoint, null, null);
            }
        }

        return await ResolveProbableAsync([contactPoint], null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves the customer of a contact from all its contact points.</summary>
    /// <param name="contactPoints">The contact points the contact carries, in any order.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The match.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="contactPoints"/> is null.</exception>
    /// <exception cref="ArgumentException">A contact point is default.</exception>
    public async ValueTask<IdentityMatch> ResolveAsync(IReadOnlyList<ContactPoint> contactPoints, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(contactPoints);
        foreach (var point in contactPoints)
        {
            RequireValid(point, nameof(contactPoints));
        }

        List<CustomerId>? conflicts = null;
        foreach (var kind in Precedence)
        {
            foreach (var point in contactPoints)
            {
                if (point.Kind != kind)
                {
                    continue;
                }

                var customer = await _customers.FindByContactPointAsync(point, cancellationToken).ConfigureAwait(false);
                if (customer is null)
                {
                    continue;
                }

                if (kind != ContactPointKind.ExternalId && HasConflictingExternalId(customer, contactPoints))
                {
                    conflicts ??= [];
                    if (!conflicts.Contains(customer.Id))
                    {
                        conflicts.Add(customer.Id);
                    }

                    continue;
                }

                return new IdentityMatch(MatchConfidence.Exact, customer, point, null, conflicts);
            }
        }

        return await ResolveProbableAsync(contactPoints, conflicts, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<IdentityMatch> ResolveProbableAsync(IReadOnlyList<ContactPoint> contactPoints, List<CustomerId>? conflicts, CancellationToken cancellationToken)
    {
        Customer? best = null;
        ContactPoint? matchedBy = null;
        List<CustomerId>? candidates = null;
        foreach (var point in contactPoints)
        {
            if (point.LooseValue is not { } loose)
            {
                continue;
            }

            foreach (var customer in await _customers.FindByLooseValueAsync(point.Kind, loose, cancellationToken).ConfigureAwait(false))
            {
                if (HasConflictingExternalId(customer, contactPoints) || (conflicts?.Contains(customer.Id) ?? false))
                {
                    continue;
                }

                candidates ??= [];
                if (!candidates.Contains(customer.Id))
                {
                    candidates.Add(customer.Id);
                    best ??= customer;
                    matchedBy ??= point;
                }
            }
        }

        if (best is not null)
        {
            return new IdentityMatch(MatchConfidence.Probable, best, matchedBy, candidates, conflicts);
        }

        return conflicts is null ? NoMatch : new IdentityMatch(MatchConfidence.New, null, null, null, conflicts);
    }

    private static bool HasConflictingExternalId(Customer customer, IReadOnlyList<ContactPoint> request)
    {
        foreach (var point in request)
        {
            if (point.Kind == ContactPointKind.ExternalId && customer.ExternalIdIn(point.Scope!) is { } known && known != point)
            {
                return true;
            }
        }

        return false;
    }

    private static void RequireValid(ContactPoint point, string paramName)
    {
        if (point.Kind == 0)
        {
            throw new ArgumentException("A contact point is default(ContactPoint). Create contact points with ContactPoint.Email and the other factories.", paramName);
        }
    }
}
