using CustomerCare.Core;
using CustomerCare.Interactions;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Timeline;
using NodaTime;

namespace CustomerCare.Samples.WebApi;

/// <summary>The HTTP endpoints of the sample host.</summary>
internal static class DeskEndpoints
{
    public static void MapDeskEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/contacts", SubmitContactAsync);
        app.MapGet("/customers/{customerId}/timeline", GetTimelineAsync);
        app.MapPost("/concerns/{concernId}/actions", ActAsync);
        app.MapGet("/agents", () => DemoAgents.Ids.Select(id => id.ToString()));
        app.MapGet("/report", GetReport);
    }

    private static async Task<IResult> SubmitContactAsync(ContactSubmission submission, ServiceDesk desk, DeskReport report, IClock clock, CancellationToken cancellationToken)
    {
        if (!Channel.TryParse(submission.Channel, out var channel))
        {
            return Problem("channel", $"'{submission.Channel}' is not a channel name; expected a name such as email, phone, web or chat.");
        }

        ContactReason reason = default;
        if (submission.Reason is not null && !ContactReason.TryParse(submission.Reason, out reason))
        {
            return Problem("reason", $"'{submission.Reason}' is not a contact reason; expected segments of letters, digits and '-' separated by '/', such as billing/refund.");
        }

        if (string.IsNullOrWhiteSpace(submission.Email) && string.IsNullOrWhiteSpace(submission.Phone))
        {
            return Problem("email", "The contact has neither an e-mail address nor a phone number; send at least one, so the customer can be identified.");
        }

        if (submission.Complexity is < 1 or > 3)
        {
            return Problem("complexity", $"{submission.Complexity} is outside 1 to 3.");
        }

        var identity = new List<ContactPoint>();
        try
        {
            if (!string.IsNullOrWhiteSpace(submission.Email))
            {
                identity.Add(ContactPoint.Email(submission.Email));
            }

            if (!string.IsNullOrWhiteSpace(submission.Phone))
            {
                identity.Add(ContactPoint.Phone(submission.Phone));
            }
        }
        catch (ArgumentException e)
        {
            return Problem("email", e.Message);
        }

        var now = clock.GetCurrentInstant();
        var contact = new InboundContact
        {
            Channel = channel,
            Kind = channel == Channel.Phone ? InteractionKind.Call : InteractionKind.Message,
            OccurredAt = now,
            Identity = identity,
            DisplayName = submission.Name,
            ContactReason = submission.Reason is null ? null : reason,
            BodyText = submission.Text,
            Language = submission.Language,
            ExternalId = submission.ExternalId,
        };
        var result = await desk.ReceiveAsync(contact, new InboundDetails { Complexity = submission.Complexity }, cancellationToken);
        if (!result.IsDuplicate)
        {
            report.Contact(result, channel, submission.Reason is null ? ContactReason.Parse("unclassified") : reason, now);
        }

        return Results.Ok(new
        {
            outcome = result.Outcome.ToString(),
            duplicate = result.IsDuplicate,
            customerId = result.Customer.ToString(),
            concernId = result.Concern.ToString(),
            interactionId = result.Interaction.ToString(),
            level = result.Level?.Rank,
            offeredTo = result.OfferedTo?.ToString(),
            procedureState = result.ProcedureState,
        });
    }

    private static async Task<IResult> GetTimelineAsync(string customerId, IInteractionStore interactions, int? pageSize, string? continuation, CancellationToken cancellationToken)
    {
        if (!CustomerId.TryParse(customerId, out var id))
        {
            return Problem("customerId", $"'{customerId}' is not a customer id; expected cus_ followed by 32 hexadecimal digits.");
        }

        var query = new TimelineQuery(id) { PageSize = pageSize ?? TimelineQuery.DefaultPageSize, ContinuationToken = continuation };
        var page = await interactions.GetTimelineAsync(query, cancellationToken);
        return Results.Ok(new
        {
            items = page.Items.Select(i => new
            {
                interactionId = i.Id.ToString(),
                occurredAt = i.OccurredAt.ToString(),
                channel = i.Channel.Name,
                direction = i.Direction.ToString(),
                kind = i.Kind.ToString(),
                concernId = i.ConcernId?.ToString(),
                reason = i.ContactReason?.Code,
                externalId = i.ExternalId,
            }),
            continuation = page.ContinuationToken,
        });
    }

    private static async Task<IResult> ActAsync(string concernId, ConcernActionRequest request, ServiceDesk desk, CancellationToken cancellationToken)
    {
        if (!ConcernId.TryParse(concernId, out var concern))
        {
            return Problem("concernId", $"'{concernId}' is not a concern id; expected con_ followed by 32 hexadecimal digits.");
        }

        if (!AgentId.TryParse(request.AgentId, out var agent))
        {
            return Problem("agentId", $"'{request.AgentId}' is not an agent id; GET /agents lists the agents.");
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            return Problem("idempotencyKey", "The idempotency key is empty; send a key unique to this action, the same on a retry.");
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? "(no note)" : request.Note;
        var key = request.IdempotencyKey;
        Task<AgentActionResult>? action = request.Action switch
        {
            "accept" => desk.AcceptOfferAsync(concern, agent, key, cancellationToken),
            "reply" => desk.ReplyAsync(concern, agent, Channel.TryParse(request.Channel ?? "email", out var channel) ? channel : Channel.Email, request.Note, key, cancellationToken),
            "request-information" => desk.RequestInformationAsync(concern, agent, note, key, cancellationToken),
            "escalate" => desk.EscalateAsync(concern, agent, note, key, cancellationToken),
            "resolve" => desk.ResolveAsync(concern, agent, new Resolution(request.Code ?? "solved", note) { CompletedSteps = request.CompletedSteps ?? [] }, key, cancellationToken),
            "close" => desk.CloseAsync(concern, agent, key, cancellationToken),
            "reopen" => desk.ReopenAsync(concern, agent, note, key, cancellationToken),
            "cancel" => desk.CancelAsync(concern, agent, note, key, cancellationToken),
            _ => null,
        };
        if (action is null)
        {
            return Problem("action", $"'{request.Action}' is not an action; expected accept, reply, request-information, escalate, resolve, close, reopen or cancel.");
        }

        try
        {
            var result = await action;
            return Results.Ok(new
            {
                action = result.Action.ToString(),
                status = result.Status.ToString(),
                applied = result.IsApplied,
                state = result.State,
                level = result.Level?.Rank,
                offeredTo = result.OfferedTo?.ToString(),
                missingFields = result.MissingFields,
                openMandatorySteps = result.OpenMandatorySteps,
                message = result.Message,
            });
        }
        catch (EntityNotFoundException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status404NotFound);
        }
    }

    private static IResult GetReport(DeskReport report, IClock clock)
    {
        var s = report.Snapshot(clock.GetCurrentInstant());
        return Results.Ok(new
        {
            asOf = s.AsOf.ToString(),
            concerns = s.ConcernsOpened,
            contacts = s.CustomerContacts,
            unresolved = s.UnresolvedConcerns,
            firstContactResolution = s.FirstContactResolution.Value,
            escalationRate = s.EscalationRate.Value,
            reopenRate = s.ReopenRate.Value,
            selfServiceScore = s.SelfService.SelfServiceScore.Value,
            channels = s.Channels.Select(c => new { channel = c.Channel.Name, contacts = c.Contacts, share = c.Share }),
            reasons = s.Pareto.Select(p => new { reason = p.Reason.Code, concerns = p.Count, cumulativeShare = p.CumulativeShare, vitalFew = p.IsVitalFew }),
            sla = s.SlaTargets.Select(t => new { target = t.Target, attainment = t.Attainment.Value }),
        });
    }

    private static IResult Problem(string field, string detail) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail);
}
