using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Kvp.Reporting;

/// <summary>The source-generated System.Text.Json metadata of the product feedback report.</summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [typeof(InstantJsonConverter), typeof(LocalDateJsonConverter), typeof(DurationJsonConverter)])]
[JsonSerializable(typeof(ProductFeedbackReport))]
[JsonSerializable(typeof(IReadOnlyList<ProductFeedbackReport>))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;

/// <summary>Writes an <see cref="Instant"/> as an extended ISO 8601 string, such as <c>2026-03-01T12:00:00Z</c>.</summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InstantPattern.ExtendedIso.Parse(reader.GetString() ?? string.Empty).GetValueOrThrow();

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}

/// <summary>Writes a <see cref="LocalDate"/> as an ISO 8601 date, such as <c>2026-03-01</c>.</summary>
internal sealed class LocalDateJsonConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        LocalDatePattern.Iso.Parse(reader.GetString() ?? string.Empty).GetValueOrThrow();

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
}

/// <summary>Writes a <see cref="Duration"/> as NodaTime's round-trip pattern, such as <c>1:02:03:04</c> (days:hours:minutes:seconds).</summary>
internal sealed class DurationJsonConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DurationPattern.Roundtrip.Parse(reader.GetString() ?? string.Empty).GetValueOrThrow();

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DurationPattern.Roundtrip.Format(value));
}
