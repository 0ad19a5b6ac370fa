using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Core.Serialization;

/// <summary>Reads and writes a <see cref="Channel"/> as its name.</summary>
internal sealed class ChannelJsonConverter : JsonConverter<Channel>
{
    public override Channel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonReading.RequireString(ref reader, nameof(Channel));
        return Channel.TryParse(text, out var channel)
            ? channel
            : throw new JsonException($"'{text}' is not a valid channel name. Use 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter.");
    }

    public override void Write(Utf8JsonWriter writer, Channel value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonReading.RequireNotDefault(value.Name, nameof(Channel)));

    public override Channel ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Channel value, JsonSerializerOptions options) =>
        writer.WritePropertyName(JsonReading.RequireNotDefault(value.Name, nameof(Channel)));
}
