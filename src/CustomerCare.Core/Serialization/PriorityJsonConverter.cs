using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Core.Serialization;

/// <summary>Reads and writes a <see cref="Priority"/> as its text form, such as <c>"P2"</c>.</summary>
internal sealed class PriorityJsonConverter : JsonConverter<Priority>
{
    public override Priority Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonReading.RequireString(ref reader, nameof(Priority));
        return Priority.TryParse(text, out var priority)
            ? priority
            : throw new JsonException($"'{text}' is not a valid priority. Use 'P' followed by a level from 1 to {Priority.MaxLevel}.");
    }

    public override void Write(Utf8JsonWriter writer, Priority value, JsonSerializerOptions options)
    {
        if (value.Level == 0)
        {
            throw new JsonException("default(Priority) cannot be written to JSON because it is not a valid priority.");
        }

        writer.WriteStringValue(value.ToString());
    }
}
