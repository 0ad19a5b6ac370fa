using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CustomerCare.Storage;

/// <summary>The generated JSON metadata of the self-service documents, and the helpers that read and write them.</summary>
[JsonSerializable(typeof(ArticleDocument))]
[JsonSerializable(typeof(CandidateDocument))]
internal sealed partial class SelfServiceJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Gets the context that the stores use. Property names are snake case, absent optional values are left out, and
    /// every required member must be present when reading. Non-ASCII text stays unescaped, because the documents go
    /// into a database column and never into HTML.
    /// </summary>
    public static SelfServiceJsonContext Storage { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Write<T>(T document, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(document, typeInfo);

    public static T Parse<T>(string json, JsonTypeInfo<T> typeInfo)
        where T : class =>
        JsonSerializer.Deserialize(json, typeInfo) ?? throw new JsonException("The document is the JSON literal null.");

    /// <summary>
    /// Runs <paramref name="read"/> and reports a stored row that it cannot turn into a value, naming the row. NodaTime's
    /// parse errors are <see cref="FormatException"/>s too.
    /// <paramref name="id"/> is formatted only when the row is invalid.
    /// </summary>
    public static T Read<T>(string kind, object id, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException or FormatException)
        {
            throw new InvalidOperationException(
                $"The stored {kind} {id} is invalid: {exception.Message} Restore the row from a backup, or write the {kind} again.",
                exception);
        }
    }
}
