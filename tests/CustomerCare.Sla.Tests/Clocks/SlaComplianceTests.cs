using CustomerCare.Sla.Calendars;
using CustomerCare.Sla.Clocks;
using CustomerCare.Sla.Policies;
using NodaTime;

namespace CustomerCare.Sla.Tests.Clocks;

public class SlaComplianceTests
{
    private static readonly SlaTarget FirstResponse = new(SlaTargetKind.FirstResponse, Duration.FromHours(4), BusinessCalendar.AlwaysOpenUtc);
    private static readonly SlaTarget Resolution = new(SlaTargetKind.Resolution, Duration.FromHours(40), BusinessCalendar.AlwaysOpenUtc);
    private static readonly SlaTarget Visit = new(SlaTargetKind.Parse("on-site-visit"), Duration.FromHours(48), BusinessCalendar.AlwaysOpenUtc);

    [Fact]
    public void Measure_CountsPerKind()
    {
        SlaClockStatus[] statuses =
        [
            Status(FirstResponse, SlaClockState.Met),
            Status(FirstResponse, SlaClockState.Met),
            Status(FirstResponse, SlaClockState.Met),
            Status(FirstResponse, SlaClockState.Breached),
            Status(FirstResponse, SlaClockState.Breached),
            Status(FirstResponse, SlaClockState.Running),
            Status(FirstResponse, SlaClockState.Paused),
            Status(FirstResponse, SlaClockState.Cancelled),
            Status(Resolution, SlaClockState.Met),
            Status(Resolution, SlaClockState.Met),
            Status(Visit, SlaClockState.Running),
        ];

        var compliance = SlaCompliance.Measure(statuses);

        Assert.Equal(
            [
                new SlaTargetCompliance(SlaTargetKind.FirstResponse, 3, 2, 2, 1),
                new SlaTargetCompliance(SlaTargetKind.Parse("on-site-visit"), 0, 0, 1, 0),
                new SlaTargetCompliance(SlaTargetKind.Resolution, 2, 0, 0, 0),
            ],
            compliance);
        Assert.Equal(0.6, compliance[0].Attainment);
        Assert.Null(compliance[1].Attainment);
        Assert.Equal(1.0, compliance[2].Attainment);
    }

    [Fact]
    public void Measure_RunningButBreached_CountsAsBreached()
    {
        var start = Instant.FromUtc(2026, 1, 5, 9, 0);
        var clock = SlaClock.Start(start, FirstResponse);

        var compliance = SlaCompliance.Measure([clock.Evaluate(start + Duration.FromHours(5)), clock.Evaluate(start + Duration.FromHours(1))]);

        Assert.Equal(new SlaTargetCompliance(SlaTargetKind.FirstResponse, 0, 1, 1, 0), Assert.Single(compliance));
    }

    [Fact]
    public void Measure_Empty_ReturnsNothing()
    {
        Assert.Empty(SlaCompliance.Measure([]));
        Assert.Throws<ArgumentNullException>(() => SlaCompliance.Measure(null!));
        Assert.Throws<ArgumentException>(() => SlaCompliance.Measure([null!]));
    }

    private static SlaClockStatus Status(SlaTarget target, SlaClockState state) => new()
    {
        State = state,
        Target = target,
        EvaluatedAt = Instant.FromUtc(2026, 1, 5, 9, 0),
        StartedAt = Instant.FromUtc(2026, 1, 5, 9, 0),
    };
}
