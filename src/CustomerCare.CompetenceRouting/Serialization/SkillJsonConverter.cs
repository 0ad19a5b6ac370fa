using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.CompetenceRouting.Agents;

namespace CustomerCare.CompetenceRouting.Serialization;

/// <summary>Reads and writes a <see cref="Skill"/> as its name.</summary>
internal sealed class SkillJsonConverter : JsonConverter<Skill>
{
    public override Skill Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonText.RequireString(ref reader, nameof(Skill));
        return Skill.TryParse(text, out var skill)
            ? skill
            : throw new JsonException($"'{text}' is not a valid skill name. Use 1 to 64 ASCII letters, digits, '-', '_' or '.', starting with a letter.");
    }

    public override void Write(Utf8JsonWriter writer, Skill value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonText.RequireNotDefault(value.Name, nameof(Skill)));

    public override Skill ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Skill value, JsonSerializerOptions options) =>
        writer.WritePropertyName(JsonText.RequireNotDefault(value.Name, nameof(Skill)));
}
