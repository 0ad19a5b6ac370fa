using System.Text.Json;
using System.Text.Json.Serialization;
using CustomerCare.CompetenceRouting.Agents;

namespace CustomerCare.CompetenceRouting.Serialization;

/// <summary>Reads and writes a <see cref="Language"/> as its tag.</summary>
internal sealed class LanguageJsonConverter : JsonConverter<Language>
{
    public override Language Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonText.RequireString(ref reader, nameof(Language));
        return Language.TryParse(text, out var language)
            ? language
            : throw new JsonException($"'{text}' is not a valid language tag. Use a BCP 47 tag such as 'de' or 'de-AT'.");
    }

    public override void Write(Utf8JsonWriter writer, Language value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonText.RequireNotDefault(value.Tag, nameof(Language)));

    public override Language ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, Language value, JsonSerializerOptions options) =>
        writer.WritePropertyName(JsonText.RequireNotDefault(value.Tag, nameof(Language)));
}
