namespace CustomerCare.Samples.ServiceDesk.Reporting;

/// <summary>What a service manager wants to know after a run, in the shape that is written as JSON, Markdown and
/// HTML and printed to the console.</summary>
internal sealed record ManagerReport
{
    public required RunFacts Run { get; init; }

    public required IReadOnlyList<ChannelRow> Channels { get; init; }

    /// <summary>Gets the concerns that self-service answered without a person, out of all concerns.</summary>
    public required Share SelfService { get; init; }

    public required Share FirstContactResolution { get; init; }

    public required IReadOnlyList<SlaRow> Sla { get; init; }

    public required IReadOnlyList<LevelRow> Levels { get; init; }

    public required IReadOnlyList<ReasonRow> Pareto { get; init; }

    public required CostSummary Costs { get; init; }

    public required KnowledgeSummary Knowledge { get; init; }

    public required IReadOnlyList<IdeaRow> Ideas { get; init; }

    public required IReadOnlyList<ProductRow> Products { get; init; }

    public required IReadOnlyList<ReachabilityRow> Reachability { get; init; }

    /// <summary>Gets the desk's verdict on reachability, such as "reachable at every hour of the week of 2026-05-11".</summary>
    public required string ReachabilitySummary { get; init; }

    public required InputSummary Input { get; init; }

    /// <summary>Gets what the desk and the agents did, as counts, such as "offers accepted".</summary>
    public required IReadOnlyList<ActivityRow> Activity { get; init; }
}

/// <summary>A count out of a total, with the share; the share is null when the total is 0.</summary>
internal readonly record struct Share(long Count, long Total)
{
    public double? Value => Total == 0 ? null : (double)Count / Total;

    public override string ToString() => Value is { } v ? $"{v:P1} ({Count:N0} of {Total:N0})" : $"n/a (0 of 0)";
}

internal sealed record RunFacts(
    string Source,
    string Database,
    int? Seed,
    string From,
    string To,
    string TimeZone,
    long Contacts,
    long Concerns,
    int Agents,
    double ElapsedSeconds);

internal sealed record ChannelRow(string Channel, long Contacts, long SelfServed, double Share, decimal? CostPerContact);

internal sealed record SlaRow(string Target, long Met, long Total, double? Attainment);

internal sealed record LevelRow(int Rank, string Name, long EscalatedInto, double? EscalationRate, long Resolved, decimal? CostPerResolvedConcern);

internal sealed record ReasonRow(string Reason, long Concerns, double Share, double CumulativeShare, bool VitalFew);

internal sealed record CostSummary(
    string Currency,
    decimal HandledCost,
    decimal AutomatedCost,
    decimal CostPerContact,
    long AutomatedResolutions,
    decimal Savings);

internal sealed record KnowledgeSummary(
    int ArticlesAtStart,
    int ArticlesLearned,
    long AnsweredWithLearnedArticles,
    IReadOnlyList<string> LearnedTopics);

internal sealed record IdeaRow(string Kind, string Title, string Description);

internal sealed record ProductRow(string Product, long Concerns, long Contacts, double? FirstContactResolution, string? TopReason, string MarkdownFile, string HtmlFile);

internal sealed record ReachabilityRow(string Channel, string Hours, double OpenHoursInWeek);

/// <summary>The input rows and their problems, and the records the metrics rejected or corrected, by kind.</summary>
internal sealed record InputSummary(long RowsRead, long RowsSkipped, long IssueCount, IReadOnlyList<string> FirstIssues)
{
    public long BadRecords { get; init; }

    public string BadRecordKinds { get; init; } = "";
}

internal sealed record ActivityRow(string What, long Count);
