using CustomerCare.Core;
using CustomerCare.Kvp.Ideas;
using CustomerCare.Kvp.Metrics;

namespace CustomerCare.Kvp.Reporting;

/// <summary>Builds the product feedback report from a metrics snapshot and the stored ideas. Stateless and thread-safe.</summary>
public static class ProductFeedbackReportBuilder
{
    private const double VitalFewShare = 0.8;

    /// <summary>Builds the report of one product.</summary>
    /// <param name="snapshot">The metrics snapshot.</param>
    /// <param name="product">The product, as a one-segment contact reason such as <c>mortgage</c>.</param>
    /// <param name="ideas">Ideas to link: those whose target reason lies within the product are listed.</param>
    /// <returns>The report; an empty one when the snapshot has no concern about the product.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="ideas"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="product"/> is <c>default</c> or has more than one segment.</exception>
    public static ProductFeedbackReport Build(KvpMetricsSnapshot snapshot, ContactReason product, IEnumerable<ImprovementIdea> ideas)
    {
        Guard.NotNull(snapshot);
        Guard.NotNull(ideas);
        Guard.NotDefault(product);
        if (product.Depth != 1)
        {
            throw new ArgumentException($"A product is the top segment of a contact reason, but '{product}' has {product.Depth} segments. Pass '{product.Root}'.", nameof(product));
        }

        var figures = snapshot.FindProduct(product);
        var reasons = snapshot.Reasons.Where(r => r.Reason.IsWithin(product)).OrderByDescending(r => r.Concerns).ThenBy(r => r.Reason).ToList();
        var dates = reasons.SelectMany(r => r.DailyConcerns).Select(d => d.Date).ToList();

        // The trend compares opening dates only: resolutions can trail the last opening by months and would make every
        // reason look as if it disappeared.
        NodaTime.LocalDate? firstOpening = dates.Count == 0 ? null : dates.Min();
        NodaTime.LocalDate? lastOpening = dates.Count == 0 ? null : dates.Max();
        if (figures?.Backlog.Count > 0)
        {
            dates.Add(figures.Backlog[0].Date);
            dates.Add(figures.Backlog[^1].Date);
        }

        NodaTime.LocalDate? from = dates.Count == 0 ? null : dates.Min();
        NodaTime.LocalDate? to = dates.Count == 0 ? null : dates.Max();
        var rows = BuildRows(reasons, firstOpening, lastOpening);
        var linked = ideas
            .Where(i => i.TargetReason is { } target && target.IsWithin(product))
            .OrderBy(i => i.SubmittedAt)
            .Select(i => new LinkedIdea(i.Id, i.Title, i.State, i.TargetReason?.Code))
            .ToList();

        return new ProductFeedbackReport(
            product.Code,
            snapshot.AsOf,
            from,
            to,
            figures?.Concerns ?? 0,
            figures?.Contacts ?? 0,
            figures?.FirstContactResolution ?? default,
            figures?.Csat ?? default,
            rows,
            figures?.Backlog ?? [],
            figures?.SlaTargets ?? [],
            figures?.UsageNotes ?? [],
            linked,
            snapshot.TotalBadRecords);
    }

    private static List<ProductReasonRow> BuildRows(List<ReasonFigures> reasons, NodaTime.LocalDate? from, NodaTime.LocalDate? to)
    {
        var total = reasons.Sum(r => r.Concerns);
        var rows = new List<ProductReasonRow>(reasons.Count);
        long cumulative = 0;
        var vitalFewReached = false;
        foreach (var reason in reasons)
        {
            cumulative += reason.Concerns;
            var cumulativeShare = total == 0 ? 0 : (double)cumulative / total;
            rows.Add(new ProductReasonRow(
                reason.Reason.Code,
                reason.Concerns,
                total == 0 ? 0 : (double)reason.Concerns / total,
                cumulativeShare,
                !vitalFewReached,
                Trend(reason, from, to),
                reason.FirstContactResolution,
                reason.Csat));
            vitalFewReached |= cumulativeShare >= VitalFewShare;
        }

        return rows;
    }

    /// <summary>
    /// Compares the first and the last h days of the range of opening dates, h = ⌊days / 2⌋, so both halves have the same length and
    /// the middle day of an odd range counts in neither. A range of one day has no trend.
    /// </summary>
    private static double? Trend(ReasonFigures reason, NodaTime.LocalDate? from, NodaTime.LocalDate? to)
    {
        if (from is not { } start || to is not { } end || start == end)
        {
            return null;
        }

        var days = NodaTime.Period.Between(start, end, NodaTime.PeriodUnits.Days).Days + 1;
        var half = days / 2;
        var firstEnd = start.PlusDays(half);
        var secondStart = end.PlusDays(1 - half);
        long first = 0;
        long second = 0;
        foreach (var day in reason.DailyConcerns)
        {
            if (day.Date < firstEnd)
            {
                first += day.Count;
            }
            else if (day.Date >= secondStart)
            {
                second += day.Count;
            }
        }

        return first == 0 ? null : 100.0 * (second - first) / first;
    }
}
