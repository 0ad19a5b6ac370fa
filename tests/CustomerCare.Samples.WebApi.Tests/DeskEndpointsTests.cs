using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CustomerCare.Samples.WebApi.Tests;

public sealed class DeskEndpointsTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task SubmitContact_NewCustomer_ConcernRoutedToFirstLevel()
    {
        var response = await _client.PostAsJsonAsync("/contacts", new
        {
            channel = "email",
            text = "My internet has been down since this morning",
            email = "ada.new@example.com",
            reason = "internet/outage",
            externalId = "msg-route-1",
        }, TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        var body = await Json(response);
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        Assert.StartsWith("con_", body.GetProperty("concernId").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("cus_", body.GetProperty("customerId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitContact_SameExternalIdTwice_SecondIsDuplicate()
    {
        var contact = new { channel = "email", text = "Please refund the double charge", email = "bo.twice@example.com", externalId = "msg-dup-1" };

        var first = await Json(await _client.PostAsJsonAsync("/contacts", contact, TestContext.Current.CancellationToken));
        var second = await Json(await _client.PostAsJsonAsync("/contacts", contact, TestContext.Current.CancellationToken));

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.Equal(first.GetProperty("concernId").GetString(), second.GetProperty("concernId").GetString());
    }

    [Fact]
    public async Task SubmitContact_UnknownChannel_BadRequestNamesField()
    {
        var response = await _client.PostAsJsonAsync("/contacts", new { channel = "pigeon post", text = "hello", email = "x@example.com" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await Json(response);
        Assert.Contains("pigeon post", body.GetProperty("errors").GetProperty("channel")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_AfterContact_ListsInteraction()
    {
        var submitted = await Json(await _client.PostAsJsonAsync("/contacts", new
        {
            channel = "web",
            text = "How do I change my billing address?",
            email = "cleo.timeline@example.com",
            externalId = "msg-timeline-1",
        }, TestContext.Current.CancellationToken));
        var customer = submitted.GetProperty("customerId").GetString();

        var timeline = await Json(await _client.GetAsync($"/customers/{customer}/timeline", TestContext.Current.CancellationToken));

        var item = Assert.Single(timeline.GetProperty("items").EnumerateArray());
        Assert.Equal("web", item.GetProperty("channel").GetString());
        Assert.Equal(submitted.GetProperty("concernId").GetString(), item.GetProperty("concernId").GetString());
    }

    [Fact]
    public async Task Act_AcceptReplyResolve_AppliedAndReported()
    {
        var submitted = await Json(await _client.PostAsJsonAsync("/contacts", new
        {
            channel = "email",
            text = "The line fault is back for the third time",
            email = "dan.act@example.com",
            externalId = "msg-act-1",
        }, TestContext.Current.CancellationToken));
        var concern = submitted.GetProperty("concernId").GetString();
        var agent = submitted.GetProperty("offeredTo").GetString() ?? (await _client.GetFromJsonAsync<string[]>("/agents", TestContext.Current.CancellationToken))![0];

        var accepted = await Act(concern!, "accept", agent, "act-1-accept");
        var replied = await Act(concern!, "reply", agent, "act-1-reply");
        var withoutDiagnosis = await Act(concern!, "resolve", agent, "act-1-resolve-early", note: "Replaced the splitter.");
        var resolved = await Act(concern!, "resolve", agent, "act-1-resolve", note: "Replaced the splitter.", steps: ["diagnosis-recorded", "knowledge-checked", "customer-informed"]);
        var report = await Json(await _client.GetAsync("/report", TestContext.Current.CancellationToken));

        Assert.True(accepted.GetProperty("applied").GetBoolean(), accepted.ToString());
        Assert.True(replied.GetProperty("applied").GetBoolean(), replied.ToString());
        Assert.False(withoutDiagnosis.GetProperty("applied").GetBoolean(), withoutDiagnosis.ToString());
        Assert.Equal("diagnosis-recorded", withoutDiagnosis.GetProperty("openMandatorySteps")[0].GetString());
        Assert.True(resolved.GetProperty("applied").GetBoolean(), resolved.ToString());
        Assert.True(report.GetProperty("concerns").GetInt64() >= 1);
        Assert.True(report.GetProperty("contacts").GetInt64() >= 1);
    }

    [Fact]
    public async Task Act_UnknownAction_BadRequest()
    {
        var response = await _client.PostAsJsonAsync($"/concerns/con_0193a0b2c3d47e5f8a9b0c1d2e3f4a51/actions",
            new { action = "teleport", agentId = "agt_0193a0b2c3d47e5f8a9b0c1d2e3f4a51", idempotencyKey = "k" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<JsonElement> Act(string concern, string action, string agent, string key, string? note = null, string[]? steps = null)
    {
        var body = new { action, agentId = agent, idempotencyKey = key, note, completedSteps = steps };
        var response = await _client.PostAsJsonAsync($"/concerns/{concern}/actions", body, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return await Json(response);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
}
