using System.Text.Json.Serialization;

namespace CustomerCare.Storage.Kvp;

/// <summary>The source-generated JSON metadata of the stored Kvp documents.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(InstantJsonConverter)])]
[JsonSerializable(typeof(IdeaDocument))]
[JsonSerializable(typeof(ProblemDocument))]
internal sealed partial class KvpJsonContext : JsonSerializerContext;
