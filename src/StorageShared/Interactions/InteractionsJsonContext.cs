using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CustomerCare.Storage.Interactions;

/// <summary>The source-generated JSON metadata of the interaction documents.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CustomerDocument))]
[JsonSerializable(typeof(InteractionDocument))]
[JsonSerializable(typeof(ConcernDocument))]
[JsonSerializable(typeof(MergeDocument))]
internal sealed partial class InteractionsJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Gets the context that writes non-ASCII text unescaped, so a person reading the table sees names as written and
    /// a scan for a personal value finds it. The documents are never embedded in HTML, where escaping would matter.
    /// </summary>
    public static InteractionsJsonContext Documents { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
