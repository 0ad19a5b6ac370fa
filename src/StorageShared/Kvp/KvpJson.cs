using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CustomerCare.Storage.Kvp;

/// <summary>Writes and reads the stored documents of ideas and problem records as JSON.</summary>
/// <remarks>
/// Property names are camel case, instants are extended ISO-8601 strings in UTC such as
/// <c>2026-03-02T09:00:00.123456Z</c>, and enumerations are their numbers. Non-ASCII text is written as is, because
/// the documents go to a database, not into HTML. Not-a-number and infinite values of an effect are written as the
/// strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>.
/// </remarks>
internal static class KvpJson
{
    private static readonly KvpJsonContext Context = new(new JsonSerializerOptions(KvpJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(IdeaDocument document) => JsonSerializer.Serialize(document, Context.IdeaDocument);

    public static string Serialize(ProblemDocument document) => JsonSerializer.Serialize(document, Context.ProblemDocument);

    /// <summary>Reads the document of the idea <paramref name="id"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not an idea document.</exception>
    public static IdeaDocument DeserializeIdea(string json, string id) => Deserialize(json, Context.IdeaDocument, "improvement idea", id);

    /// <summary>Reads the document of the problem record <paramref name="id"/>.</summary>
    /// <exception cref="InvalidDataException">The text is not a problem document.</exception>
    public static ProblemDocument DeserializeProblem(string json, string id) => Deserialize(json, Context.ProblemDocument, "problem record", id);

    private static T Deserialize<T>(string json, JsonTypeInfo<T> type, string entity, string id)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize(json, type) ?? throw KvpDocuments.Unreadable(entity, id, "its document is the JSON null");
        }
        catch (JsonException exception)
        {
            throw KvpDocuments.Unreadable(entity, id, $"its document is not valid: {exception.Message}", exception);
        }
    }
}
