using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare;

/// <summary>Reads and writes an <see cref="IEntityId{TSelf}"/> as its formatted string.</summary>
internal sealed class EntityIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct, IEntityId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException($"Expected a JSON string for {typeof(TId).Name}, but found {reader.TokenType}.");
        }

        var text = reader.GetString();
        if (EntityIdFormat.TryParse<TId>(text, out var id))
        {
            return id;
        }

        throw new JsonException(
            $"'{text}' is not a valid {typeof(TId).Name}. Expected '{TId.Prefix}_' followed by 32 hexadecimal digits that are not all zero.");
    }

    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[EntityIdFormat.FormattedLength];
        EntityIdFormat.TryFormat(value, buffer, out var written);
        writer.WriteStringValue(buffer[..written]);
    }

    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WritePropertyName(EntityIdFormat.Format(value));
}
