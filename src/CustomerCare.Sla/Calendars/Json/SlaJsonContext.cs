using System.Text.Json.Serialization;

namespace CustomerCare.Sla.Calendars.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for the calendar format, so reading and writing need no reflection
/// and stay trimming- and AOT-safe. Internal: a public context would put generated members into the public API.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(CalendarDocument))]
internal sealed partial class SlaJsonContext : JsonSerializerContext;
