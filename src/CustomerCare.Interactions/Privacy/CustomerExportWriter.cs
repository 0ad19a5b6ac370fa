using System.Text.Json;
using CustomerCare.Interactions.Concerns;
using CustomerCare.Interactions.ContactPoints;
using CustomerCare.Interactions.Customers;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Interactions.Privacy;

/// <summary>Writes the customer export with a <see cref="Utf8JsonWriter"/>, so it needs no reflection and stays AOT-compatible.</summary>
internal static class CustomerExportWriter
{
    public static void Write(
        Utf8JsonWriter writer,
        Instant exportedAt,
        Customer customer,
        IReadOnlyList<ConsentEntry> consent,
        IReadOnlyList<Concern> concerns,
        IReadOnlyList<Interaction> interactions,
        IReadOnlyList<CustomerMerge> merges)
    {
        writer.WriteStartObject();
        writer.WriteString("format", CustomerPrivacy.ExportFormat);
        writer.WriteNumber("version", 1);
        writer.WriteString("exportedAt", Format(exportedAt));
        WriteCustomer(writer, customer);
        WriteConsent(writer, consent);
        WriteConcerns(writer, concerns);
        WriteInteractions(writer, customer, interactions);
        WriteMerges(writer, merges);
        writer.WriteEndObject();
    }

    private static void WriteCustomer(Utf8JsonWriter writer, Customer customer)
    {
        writer.WriteStartObject("customer");
        writer.WriteString("id", customer.Id.ToString());
        writer.WriteString("displayName", customer.DisplayName);
        writer.WriteString("createdAt", Format(customer.CreatedAt));
        WriteOptional(writer, "mergedInto", customer.MergedInto?.ToString());
        WriteOptional(writer, "erasedAt", Format(customer.ErasedAt));
        writer.WriteStartArray("contactPoints");
        foreach (var point in customer.ContactPoints)
        {
            WriteContactPoint(writer, point);
        }

        writer.WriteEndArray();
        var preferences = customer.Preferences;
        writer.WriteStartObject("preferences");
        WriteOptional(writer, "channel", preferences.PreferredChannel?.Name);
        writer.WriteString("channelSource", preferences.PreferredChannelSource.ToString());
        WriteOptional(writer, "language", preferences.Language);
        writer.WriteString("languageSource", preferences.LanguageSource.ToString());
        WriteOptional(writer, "timeZone", preferences.TimeZoneId);
        writer.WriteStartArray("reachableTimes");
        foreach (var window in preferences.ReachableTimes)
        {
            writer.WriteStartObject();
            writer.WriteString("day", window.Day.ToString());
            writer.WriteString("from", LocalTimePattern.ExtendedIso.Format(window.From));
            writer.WriteString("to", LocalTimePattern.ExtendedIso.Format(window.To));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteConsent(Utf8JsonWriter writer, IReadOnlyList<ConsentEntry> consent)
    {
        writer.WriteStartArray("consent");
        foreach (var entry in consent)
        {
            writer.WriteStartObject();
            writer.WriteString("purpose", entry.Purpose);
            writer.WriteString("channel", entry.Channel.Name);
            writer.WriteString("status", entry.Status.ToString());
            writer.WriteString("at", Format(entry.At));
            writer.WriteString("source", entry.Source);
            WriteOptional(writer, "textVersion", entry.TextVersion);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteConcerns(Utf8JsonWriter writer, IReadOnlyList<Concern> concerns)
    {
        writer.WriteStartArray("concerns");
        foreach (var concern in concerns)
        {
            writer.WriteStartObject();
            writer.WriteString("id", concern.Id.ToString());
            writer.WriteNumber("number", concern.Number);
            WriteOptional(writer, "subject", concern.Subject);
            WriteOptional(writer, "contactReason", concern.ContactReason?.Code);
            writer.WriteString("status", concern.Status.ToString());
            writer.WriteString("openedAt", Format(concern.OpenedAt));
            writer.WriteString("lastActivityAt", Format(concern.LastActivityAt));
            WriteOptional(writer, "resolvedAt", Format(concern.ResolvedAt));
            WriteOptional(writer, "closedAt", Format(concern.ClosedAt));
            WriteOptional(writer, "reopenedAt", Format(concern.ReopenedAt));
            writer.WriteNumber("reopenCount", concern.ReopenCount);
            WriteOptional(writer, "mergedInto", concern.MergedInto?.ToString());
            writer.WriteStartArray("links");
            foreach (var link in concern.Links)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", link.Kind.ToString());
                writer.WriteString("concernId", link.Target.ToString());
                writer.WriteString("at", Format(link.At));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteInteractions(Utf8JsonWriter writer, Customer customer, IReadOnlyList<Interaction> interactions)
    {
        writer.WriteStartArray("interactions");
        foreach (var interaction in interactions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", interaction.Id.ToString());
            writer.WriteString("channel", interaction.Channel.Name);
            writer.WriteString("direction", interaction.Direction.ToString());
            writer.WriteString("kind", interaction.Kind.ToString());
            writer.WriteString("occurredAt", Format(interaction.OccurredAt));
            writer.WriteString("recordedAt", Format(interaction.RecordedAt));
            WriteOptional(writer, "concernId", interaction.ConcernId?.ToString());
            WriteOptional(writer, "subject", interaction.Subject);
            WriteOptional(writer, "contactReason", interaction.ContactReason?.Code);
            WriteOptional(writer, "contentReference", interaction.ContentReference);
            WriteOptional(writer, "language", interaction.Language);
            WriteOptional(writer, "externalId", interaction.ExternalId);

            var others = 0;
            writer.WriteStartArray("participants");
            foreach (var participant in interaction.Participants)
            {
                if (!customer.Has(participant.ContactPoint))
                {
                    others++;
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("role", participant.Role.ToString());
                writer.WriteString("kind", participant.ContactPoint.Kind.ToString());
                writer.WriteString("value", participant.ContactPoint.Display);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("otherParticipants", others);
            WriteStrings(writer, "attachments", interaction.Attachments);
            WriteStrings(writer, "inReplyTo", interaction.InReplyTo);
            WriteStrings(writer, "references", interaction.References);
            writer.WriteStartObject("metadata");
            foreach (var (key, value) in interaction.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteMerges(Utf8JsonWriter writer, IReadOnlyList<CustomerMerge> merges)
    {
        writer.WriteStartArray("merges");
        foreach (var merge in merges)
        {
            writer.WriteStartObject();
            writer.WriteString("id", merge.Id.ToString());
            writer.WriteString("survivorId", merge.SurvivorId.ToString());
            writer.WriteString("mergedId", merge.MergedId.ToString());
            writer.WriteString("actor", merge.Actor);
            writer.WriteString("reason", merge.Reason);
            writer.WriteString("mergedAt", Format(merge.MergedAt));
            WriteOptional(writer, "undoneAt", Format(merge.UndoneAt));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteContactPoint(Utf8JsonWriter writer, ContactPoint point)
    {
        writer.WriteStartObject();
        writer.WriteString("kind", point.Kind.ToString());
        WriteOptional(writer, "scope", point.Scope);
        writer.WriteString("value", point.Value);
        writer.WriteString("display", point.Display);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static string? Format(Instant? instant) => instant is { } value ? Format(value) : null;
}
