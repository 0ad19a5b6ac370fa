using CustomerCare.Core;
using NodaTime;
using NodaTime.Testing;

// These tests run on in-memory stores and finish in milliseconds; the cancellation they test is their own token.
#pragma warning disable xUnit1051

namespace CustomerCare.SelfService.Tests.Automation;

public class AutomationRunnerTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 10, 0);
    private static readonly AutomationRunId RunId = new(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-0000000000aa"));

    private readonly FakeClock _clock = new(Start, Duration.FromSeconds(1));
    private readonly RecordingSink _sink = new();

    private static SelfServiceConversation Conversation() =>
        SelfServiceConversation.Start(new SelfServiceConversationId(Guid.Parse("0192f0c1-a2b3-7c4d-8e9f-0000000000bb")), null, Channel.Web, Start);

    private static AutomationDefinition AddressChange(Func<AutomationStepContext, AutomationStepResult>? act = null, Func<AutomationStepContext, AutomationStepResult>? verify = null) =>
        new("address-change", ContactReason.Parse("account/address"),
        [
            new AutomationStep("collect-address", AutomationStepKind.CollectData, (_, _) =>
                ValueTask.FromResult(AutomationStepResult.Completed("address collected", new Dictionary<string, string> { ["street"] = "Main St 1" }))),
            new AutomationStep("verify", AutomationStepKind.VerifyIdentity, (c, _) =>
                ValueTask.FromResult(verify?.Invoke(c) ?? AutomationStepResult.Completed("code accepted"))),
            new AutomationStep("update", AutomationStepKind.Act, (c, _) =>
                ValueTask.FromResult(act?.Invoke(c) ?? AutomationStepResult.Completed("updated to " + c.Data["street"]))),
            new AutomationStep("confirm", AutomationStepKind.Confirm, (_, _) => ValueTask.FromResult(AutomationStepResult.Completed("confirmation sent"))),
        ]);

    [Fact]
    public async Task RunAsync_AllStepsComplete_RecordsEachStep()
    {
        var automation = AddressChange();
        var runner = new AutomationRunner(_clock, _sink);

        var result = await runner.RunAsync(automation, AutomationRun.Start(RunId, automation, null, Start), Conversation());

        Assert.Equal(AutomationRunStatus.Completed, result.Run.Status);
        Assert.Null(result.HandOff);
        Assert.Equal(["collect-address", "verify", "update", "confirm"], result.Run.Records.Select(r => r.Step));
        Assert.Equal(result.Run.Records, _sink.Records);
        Assert.Equal("updated to Main St 1", result.Run.Records[2].Message);
        Assert.Equal(4, result.Conversation.Transcript.Count(e => e.Kind == TranscriptEntryKind.AutomationStep));
    }

    [Theory]
    [InlineData(AutomationStepStatus.Failed, HandOffReason.AutomationFailed)]
    [InlineData(AutomationStepStatus.Refused, HandOffReason.AutomationRefused)]
    public async Task RunAsync_StepNotCompleted_HandsOffWithTranscript(AutomationStepStatus status, HandOffReason reason)
    {
        var automation = AddressChange(verify: _ => status == AutomationStepStatus.Failed ? AutomationStepResult.Failed("sms gateway down") : AutomationStepResult.Refused("wrong code"));
        var runner = new AutomationRunner(_clock, _sink);

        var result = await runner.RunAsync(automation, AutomationRun.Start(RunId, automation, null, Start), Conversation());

        Assert.Equal(AutomationRunStatus.HandedOff, result.Run.Status);
        Assert.Equal(reason, result.HandOff!.Reason);
        Assert.Equal(2, result.Run.Records.Length);
        Assert.Equal(
            [TranscriptEntryKind.AutomationStep, TranscriptEntryKind.AutomationStep, TranscriptEntryKind.HandOff],
            result.HandOff.Transcript.Select(e => e.Kind));
        Assert.True(result.Conversation.IsClosed);
    }

    [Fact]
    public async Task RunAsync_StepThrows_HandsOffAsFailure()
    {
        var automation = AddressChange(act: _ => throw new TimeoutException("backend"));
        var runner = new AutomationRunner(_clock, _sink);

        var result = await runner.RunAsync(automation, AutomationRun.Start(RunId, automation, null, Start), Conversation());

        Assert.Equal(HandOffReason.AutomationFailed, result.HandOff!.Reason);
        Assert.Equal("the step threw TimeoutException", result.Run.Records[^1].Message);
    }

    [Fact]
    public async Task RunAsync_Resume_SkipsCompletedAndReusesKey()
    {
        var attempts = 0;
        var keys = new List<string>();
        var automation = AddressChange(act: c =>
        {
            keys.Add(c.IdempotencyKey);
            return ++attempts == 1 ? AutomationStepResult.Failed("backend busy") : AutomationStepResult.Completed("updated");
        });
        var runner = new AutomationRunner(_clock, _sink);
        var first = await runner.RunAsync(automation, AutomationRun.Start(RunId, automation, null, Start), Conversation());

        // A person or a retry job resumes the stored run from the failed step.
        var resumedRun = first.Run.Retry();
        var second = await runner.RunAsync(automation, resumedRun, Conversation());

        Assert.Equal(AutomationRunStatus.Completed, second.Run.Status);
        Assert.Equal(2, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.Equal(2, second.Run.Records.Single(r => r.Step == "update" && r.Status == AutomationStepStatus.Completed).Attempt);
        Assert.Equal(1, second.Run.Records.Count(r => r.Step == "collect-address"));
    }

    [Fact]
    public async Task RunAsync_CompletedRun_ReturnsUnchanged()
    {
        var automation = AddressChange();
        var runner = new AutomationRunner(_clock, _sink);
        var done = await runner.RunAsync(automation, AutomationRun.Start(RunId, automation, null, Start), Conversation());

        var again = await runner.RunAsync(automation, done.Run, Conversation());

        Assert.Same(done.Run, again.Run);
        Assert.Equal(4, _sink.Records.Count);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsAndKeepsRecords()
    {
        using var cancellation = new CancellationTokenSource();
        var automation = new AutomationDefinition("two-step", ContactReason.Parse("faq"),
        [
            new AutomationStep("collect", AutomationStepKind.CollectData, (_, _) =>
            {
                cancellation.Cancel();
                return ValueTask.FromResult(AutomationStepResult.Completed("collected"));
            }),
            new AutomationStep("act", AutomationStepKind.Act, (_, _) => ValueTask.FromResult(AutomationStepResult.Completed("acted"))),
        ]);
        var runner = new AutomationRunner(_clock, _sink);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            runner.RunAsync(automation, AutomationRun.Start(RunId, automation, null, Start), Conversation(), cancellation.Token));

        Assert.Equal(["collect"], _sink.Records.Select(r => r.Step));
    }

    [Fact]
    public async Task Retry_CompletedRun_Throws()
    {
        var automation = AddressChange();
        var done = await new AutomationRunner(_clock).RunAsync(automation, AutomationRun.Start(RunId, automation, null, Start), Conversation());

        Assert.Throws<InvalidOperationException>(() => done.Run.Retry());
    }

    [Fact]
    public async Task RunAsync_OtherAutomationsRun_Throws()
    {
        var automation = AddressChange();
        var other = new AutomationDefinition("other", ContactReason.Parse("faq"), [new AutomationStep("act", AutomationStepKind.Act, (_, _) => default)]);
        var runner = new AutomationRunner(_clock);

        await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync(other, AutomationRun.Start(RunId, automation, null, Start), Conversation()));
    }

    private sealed class RecordingSink : IAutomationStepSink
    {
        public List<AutomationStepRecord> Records { get; } = [];

        public ValueTask RecordAsync(AutomationRun run, AutomationStepRecord record, CancellationToken cancellationToken)
        {
            Records.Add(record);
            return ValueTask.CompletedTask;
        }
    }
}
