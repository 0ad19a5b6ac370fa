using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Core.Serialization;

/// <summary>Reads and writes a <see cref="ServiceTier"/> as its name.</summary>
internal sealed class ServiceTierJsonConverter : JsonConverter<ServiceTier>
{
    public override ServiceTier Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonReading.RequireString(ref reader, nameof(ServiceTier));
        return ServiceTier.TryParse(text, out var tier)
            ? tier
            : throw new JsonException($"'{text}' is not a valid service tier. Use a name such as 'gold'.");
    }

    public override void Write(Utf8JsonWriter writer, ServiceTier value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonReading.RequireNotDefault(value.Name, nameof(ServiceTier)));

    public override ServiceTier ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, ServiceTier value, JsonSerializerOptions options) =>
        writer.WritePropertyName(JsonReading.RequireNotDefault(value.Name, nameof(ServiceTier)));
}
