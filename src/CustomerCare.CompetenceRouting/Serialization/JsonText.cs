using System.Text.Json;

namespace CustomerCare.CompetenceRouting.Serialization;

/// <summary>Checks shared by the JSON converters of the routing value types.</summary>
internal static class JsonText
{
    public static string RequireString(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            throw new JsonException($"Expected a JSON string for {typeName}, but found {reader.TokenType}.");
        }

        return reader.GetString()!;
    }

    public static string RequireNotDefault(string name, string typeName)
    {
        if (name.Length == 0)
        {
            throw new JsonException($"default({typeName}) cannot be written to JSON because it is not a valid {typeName}.");
        }

        return name;
    }
}
