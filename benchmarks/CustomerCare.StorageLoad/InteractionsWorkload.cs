using System.Globalization;
using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using CustomerCare.Interactions.Timeline;
using NodaTime;

namespace CustomerCare.StorageLoad;

/// <summary>The kind of one operation of <see cref="InteractionsWorkload"/>.</summary>
internal enum WorkloadOperationKind
{
    /// <summary>Records the interaction of one message; messages repeat, so some recordings are duplicates.</summary>
    Record,

    /// <summary>Adds the operation's participant to a concern with a read-modify-write that retries on a conflict.</summary>
    Touch,

    /// <summary>Reads the first timeline page of the customer and one concern.</summary>
    Read,
}

/// <summary>One operation of the workload, identified by its index in the stream.</summary>
internal readonly record struct WorkloadOperation(int Index, WorkloadOperationKind Kind, int Concern, int Message);

/// <summary>The counts one worker reports after applying its share of the stream.</summary>
internal readonly record struct WorkloadCounts(int Applied, int Recorded, int Duplicates, int Conflicts);

/// <summary>
/// A deterministic stream of mixed operations on one customer and a fixed set of shared concerns, which several
/// workers or processes apply at once and a serial replay applies in order to the in-memory stores.
/// </summary>
/// <remarks>
/// Every effect is independent of the order of the operations: a message's interaction depends only on the message
/// number, and a touch adds a participant that only that operation adds and moves the last activity to the later
/// instant. So the final state after any interleaving must equal the serial replay, and a lost update shows as a
/// missing participant and a version that is too low.
/// </remarks>
internal static class InteractionsWorkload
{
    public static readonly Instant Start = Instant.FromUtc(2026, 1, 5, 9, 0);

    public static readonly CustomerId Customer = new(Guid.Parse("0194a000-0000-7000-8000-000000000001", CultureInfo.InvariantCulture));

    private static readonly ContactReason Reason = ContactReason.Parse("load/shared");

    /// <summary>Returns the fixed id of concern <paramref name="index"/>.</summary>
    public static ConcernId ConcernAt(int index) =>
        new(Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"0194a000-0000-7000-8001-{index:x12}"), CultureInfo.InvariantCulture));

    /// <summary>Returns the external id of message <paramref name="message"/>.</summary>
    public static string ExternalIdOf(int message) => string.Create(CultureInfo.InvariantCulture, $"load-{message:D6}@example.org");

    /// <summary>Returns the participant that touch operation <paramref name="index"/> adds.</summary>
    public static ContactPoint ParticipantOf(int index) => ContactPoint.ExternalId("load", string.Create(CultureInfo.InvariantCulture, $"op-{index:D6}"));

    /// <summary>Returns the concern that message <paramref name="message"/> belongs to.</summary>
    public static int ConcernOf(int message, int concerns) => message % concerns;

    /// <summary>Generates <paramref name="count"/> operations: about 45 % records over half as many messages, 45 % touches, 10 % reads.</summary>
    public static IReadOnlyList<WorkloadOperation> Generate(int count, int concerns, int seed)
    {
        var random = new Random(seed);
        var messages = Math.Max(1, count * 45 / 200);
        var operations = new WorkloadOperation[count];
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            var kind = WorkloadOperationKind.Read;
            if (roll < 45)
            {
                kind = WorkloadOperationKind.Record;
            }
            else if (roll < 90)
            {
                kind = WorkloadOperationKind.Touch;
            }

            operations[i] = new WorkloadOperation(i, kind, random.Next(concerns), random.Next(messages));
        }

        return operations;
    }

    /// <summary>Creates the customer and the concerns unless they exist; safe to call from several processes at once.</summary>
    public static async Task SetUpAsync(ICustomerStore customers, IConcernStore concerns, int concernCount)
    {
        try
        {
            await customers.CreateAsync(new Customer { Id = Customer, CreatedAt = Start, DisplayName = "Load" }).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // Another process created the customer first.
        }

        for (var i = 0; i < concernCount; i++)
        {
            var concern = new Concern
            {
                Id = ConcernAt(i),
                CustomerId = Customer,
                ContactReason = Reason,
                OpenedAt = Start,
                LastActivityAt = Start,
            };
            await concerns.CreateAsync(concern, string.Create(CultureInfo.InvariantCulture, $"load-concern-{i}")).ConfigureAwait(false);
        }
    }

    /// <summary>Applies the operations whose index modulo <paramref name="workers"/> is <paramref name="worker"/>, in order.</summary>
    public static async Task<WorkloadCounts> ApplyAsync(
        IReadOnlyList<WorkloadOperation> operations, int worker, int workers, int concernCount, IInteractionStore interactions, IConcernStore concerns)
    {
        int applied = 0, recorded = 0, duplicates = 0, conflicts = 0;
        for (var i = worker; i < operations.Count; i += workers)
        {
            var operation = operations[i];
            switch (operation.Kind)
            {
                case WorkloadOperationKind.Record:
                    var result = await interactions.RecordAsync(InteractionOf(operation.Message, concernCount)).ConfigureAwait(false);
                    if (result.WasDuplicate)
                    {
                        duplicates++;
                    }
                    else
                    {
                        recorded++;
                    }

                    break;

                case WorkloadOperationKind.Touch:
                    conflicts += await TouchAsync(concerns, operation).ConfigureAwait(false);
                    break;

                default:
                    await interactions.GetTimelineAsync(new TimelineQuery(Customer) { PageSize = 20 }).ConfigureAwait(false);
                    await concerns.FindAsync(ConcernAt(operation.Concern)).ConfigureAwait(false);
                    break;
            }

            applied++;
        }

        return new WorkloadCounts(applied, recorded, duplicates, conflicts);
    }

    /// <summary>Returns the interaction of message <paramref name="message"/>, with a new id on every call.</summary>
    public static Interaction InteractionOf(int message, int concernCount)
    {
        var at = Start + Duration.FromSeconds(message);
        return new Interaction
        {
            Id = InteractionId.New(at),
            Channel = Channel.Email,
            Direction = InteractionDirection.Inbound,
            Kind = InteractionKind.Message,
            OccurredAt = at,
            RecordedAt = at,
            CustomerId = Customer,
            ConcernId = ConcernAt(ConcernOf(message, concernCount)),
            ExternalId = ExternalIdOf(message),
            Subject = string.Create(CultureInfo.InvariantCulture, $"Message {message}"),
        };
    }

    // Returns how many conflicts the touch met before its write went through.
    private static async Task<int> TouchAsync(IConcernStore concerns, WorkloadOperation operation)
    {
        var at = Start + Duration.FromSeconds(operation.Index);
        var participant = ParticipantOf(operation.Index);
        for (var conflicts = 0; ; conflicts++)
        {
            var concern = await concerns.FindAsync(ConcernAt(operation.Concern)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Concern {operation.Concern} is missing; run the set-up first.");
            var touched = concern with
            {
                Participants = [.. concern.Participants, participant],
                LastActivityAt = concern.LastActivityAt > at ? concern.LastActivityAt : at,
            };
            try
            {
                await concerns.UpdateAsync(touched, concern.Version).ConfigureAwait(false);
                return conflicts;
            }
            catch (ConcurrencyConflictException)
            {
                // Another worker wrote the concern since the read; read it again.
            }
        }
    }
}
