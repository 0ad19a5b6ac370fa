using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Storage.Kvp;

/// <summary>Writes an <see cref="Instant"/> as an extended ISO-8601 string in UTC and reads it back exactly.</summary>
internal sealed class InstantJsonConverter : JsonConverter<Instant>
{
    public override Instant Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        var parsed = InstantPattern.ExtendedIso.Parse(text ?? string.Empty);
        return parsed.Success ? parsed.Value : throw new JsonException($"'{text}' is not an ISO-8601 instant such as 2026-03-02T09:00:00.123456Z.");
    }

    public override void Write(Utf8JsonWriter writer, Instant value, JsonSerializerOptions options) =>
        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(value));
}
