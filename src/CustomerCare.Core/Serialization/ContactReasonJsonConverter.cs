using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Core.Serialization;

/// <summary>Reads and writes a <see cref="ContactReason"/> as its code.</summary>
internal sealed class ContactReasonJsonConverter : JsonConverter<ContactReason>
{
    public override ContactReason Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = JsonReading.RequireString(ref reader, nameof(ContactReason));
        return ContactReason.TryParse(text, out var reason)
            ? reason
            : throw new JsonException($"'{text}' is not a valid contact reason. Use a path such as 'billing/refund'.");
    }

    public override void Write(Utf8JsonWriter writer, ContactReason value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonReading.RequireNotDefault(value.Code, nameof(ContactReason)));

    public override ContactReason ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, ContactReason value, JsonSerializerOptions options) =>
        writer.WritePropertyName(JsonReading.RequireNotDefault(value.Code, nameof(ContactReason)));
}
