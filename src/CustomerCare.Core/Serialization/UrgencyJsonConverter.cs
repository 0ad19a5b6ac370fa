using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Core.Serialization;

/// <summary>Writes an <see cref="Urgency"/> as its level number and reads a level number or a name such as <c>"high"</c>.</summary>
internal sealed class UrgencyJsonConverter : JsonConverter<Urgency>
{
    public override Urgency Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var level) && level is >= 1 and <= Urgency.MaxLevel)
        {
            return new Urgency(level);
        }

        if (reader.TokenType == JsonTokenType.String && Urgency.TryParse(reader.GetString(), out var parsed))
        {
            return parsed;
        }

        throw new JsonException($"Expected a urgency level from 1 to {Urgency.MaxLevel} or 'high', 'medium' or 'low', but found {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, Urgency value, JsonSerializerOptions options)
    {
        if (value.Level == 0)
        {
            throw new JsonException("default(Urgency) cannot be written to JSON because it is not a valid urgency.");
        }

        writer.WriteNumberValue(value.Level);
    }
}
