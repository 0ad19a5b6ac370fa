using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Core.Serialization;

/// <summary>Writes an <see cref="Impact"/> as its level number and reads a level number or a name such as <c>"high"</c>.</summary>
internal sealed class ImpactJsonConverter : JsonConverter<Impact>
{
    public override Impact Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var level) && level is >= 1 and <= Impact.MaxLevel)
        {
            return new Impact(level);
        }

        if (reader.TokenType == JsonTokenType.String && Impact.TryParse(reader.GetString(), out var parsed))
        {
            return parsed;
        }

        throw new JsonException($"Expected a impact level from 1 to {Impact.MaxLevel} or 'high', 'medium' or 'low', but found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, Impact value, JsonSerializerOptions options)
    {
        if (value.Level == 0)
        {
            throw new JsonException("default(Impact) cannot be written to JSON because it is not a valid impact.");
        }

        writer.WriteNumberValue(value.Level);
    }
}
