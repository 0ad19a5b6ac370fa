namespace CustomerCare.Samples.WebApi;

/// <summary>The body of <c>POST /concerns/{id}/actions</c>: what an agent does with a concern.</summary>
/// <param name="Action">One of <c>accept</c>, <c>reply</c>, <c>request-information</c>, <c>escalate</c>, <c>resolve</c>,
/// <c>close</c>, <c>reopen</c>, <c>cancel</c>.</param>
/// <param name="AgentId">The acting agent's id, as <c>GET /agents</c> lists them.</param>
/// <param name="IdempotencyKey">A key unique to this action, the same when the request is retried.</param>
/// <param name="Note">The reply's content reference, the information requested, the knowledge gained when escalating,
/// the resolution note, or the reason to reopen or cancel.</param>
/// <param name="Channel">The channel of a reply; the default is <c>email</c>.</param>
/// <param name="Code">The resolution code of <c>resolve</c>; the default is <c>solved</c>.</param>
/// <param name="CompletedSteps">The checklist steps done before <c>resolve</c>, such as <c>diagnosis-recorded</c>.</param>
public sealed record ConcernActionRequest(
    string Action,
    string AgentId,
    string IdempotencyKey,
    string? Note = null,
    string? Channel = null,
    string? Code = null,
    string[]? CompletedSteps = null);
