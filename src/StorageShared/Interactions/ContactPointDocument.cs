using CustomerCare.Interactions.ContactPoints;

namespace CustomerCare.Storage.Interactions;

/// <summary>A contact point as JSON: every property, so that reading it back needs no normalization.</summary>
internal sealed class ContactPointDocument
{
    public int Kind { get; init; }

    public string? Scope { get; init; }

    public string Value { get; init; } = string.Empty;

    public string Display { get; init; } = string.Empty;

    public string? Loose { get; init; }

    public static ContactPointDocument From(ContactPoint point) => new()
    {
        Kind = (int)point.Kind,
        Scope = point.Scope,
        Value = point.Value,
        Display = point.Display,
        Loose = point.LooseValue,
    };

    public static ContactPointDocument[]? FromAll(IReadOnlyList<ContactPoint> points) =>
        points.Count == 0 ? null : [.. points.Select(From)];

    public static ContactPoint[] ToAll(ContactPointDocument[]? documents) =>
        documents is null ? [] : [.. documents.Select(d => d.ToContactPoint())];

    public ContactPoint ToContactPoint() => ContactPoint.Restore((ContactPointKind)Kind, Scope, Value, Display, Loose);
}
