using System.Text;
using System.Text.Json;
using CustomerCare.Core;
using NodaTime.Text;

namespace CustomerCare.Sop;

/// <summary>
/// Reads and writes procedure definitions as JSON, so that they can be stored, reviewed and changed without code.
/// </summary>
/// <remarks>
/// <para>
/// The format mirrors <see cref="ProcedureDefinition"/>: <c>id</c>, <c>version</c>, <c>concernTypes</c>,
/// <c>initialState</c>, <c>states</c> (each with <c>name</c>, <c>parent</c>, <c>final</c>, <c>approvalGate</c>,
/// <c>requiredFields</c>, <c>onEntry</c>, <c>onExit</c>, <c>timers</c> and <c>transitions</c>) and <c>checklist</c>.
/// Durations use NodaTime's round-trip pattern, such as <c>0:04:00:00</c> for four hours. <c>docs/sop.md</c> shows a
/// complete example.
/// </para>
/// <para>
/// <see cref="Read"/> reports every problem at once: JSON that does not match the format (with the JSON path) and a
/// definition that is invalid (with the state or trigger). Names are trimmed and lower-cased, as by
/// <see cref="ProcedureBuilder"/>. <see cref="Write"/> followed by <see cref="Read"/> returns an equivalent definition,
/// and writing that again yields the same text.
/// </para>
/// <para>This type is thread-safe.</para>
/// </remarks>
public static class ProcedureJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 };
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>Reads a definition and validates its structure.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">The text is not valid JSON, does not match the format, or describes an invalid definition; the errors list every problem.</exception>
    public static ProcedureDefinition Read(string json)
    {
        Guard.NotNull(json);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new CustomerCareValidationException(new ValidationError(
                $"$ (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})", "is not valid JSON", "Fix the syntax.", exception.Message));
        }

        using (document)
        {
            var reader = new DefinitionReader();
            var definition = reader.ReadProcedure(document.RootElement);
            if (reader.Errors.Count == 0)
            {
                reader.Errors.AddRange(ProcedureValidator.Validate(definition, guards: null));
            }

            return reader.Errors.Count == 0 ? definition : throw new CustomerCareValidationException(reader.Errors);
        }
    }

    /// <summary>Writes a definition as indented JSON, leaving out empty lists and default values.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string Write(ProcedureDefinition definition)
    {
        Guard.NotNull(definition);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("id", definition.Id);
            writer.WriteNumber("version", definition.Version);
            WriteOptional(writer, "description", definition.Description);
            WriteStrings(writer, "concernTypes", definition.ConcernTypes);
            writer.WriteString("initialState", definition.InitialState);
            writer.WriteStartArray("states");
            foreach (var state in definition.States)
            {
                WriteState(writer, state);
            }

            writer.WriteEndArray();
            if (definition.Checklist.Count > 0)
            {
                writer.WriteStartArray("checklist");
                foreach (var step in definition.Checklist)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", step.Id);
                    writer.WriteString("severity", step.Severity == StepSeverity.Mandatory ? "mandatory" : "advisory");
                    writer.WriteString("requiredBefore", step.RequiredBefore);
                    WriteOptional(writer, "title", step.Title);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteState(Utf8JsonWriter writer, StateDefinition state)
    {
        writer.WriteStartObject();
        writer.WriteString("name", state.Name);
        WriteOptional(writer, "parent", state.Parent);
        WriteOptional(writer, "description", state.Description);
        if (state.IsFinal)
        {
            writer.WriteBoolean("final", true);
        }

        if (state.IsApprovalGate)
        {
            writer.WriteBoolean("approvalGate", true);
        }

        WriteStrings(writer, "requiredFields", state.RequiredFields);
        WriteIntents(writer, "onEntry", state.EntryIntents);
        WriteIntents(writer, "onExit", state.ExitIntents);
        if (state.Timers.Count > 0)
        {
            writer.WriteStartArray("timers");
            foreach (var timer in state.Timers)
            {
                writer.WriteStartObject();
                writer.WriteString("name", timer.Name);
                writer.WriteString("trigger", timer.Trigger);
                writer.WriteStartObject("delay");
                switch (timer.Delay.Kind)
                {
                    case TimerDelayKind.BusinessDays:
                        writer.WriteString("kind", "businessDays");
                        writer.WriteNumber("days", timer.Delay.Days);
                        break;
                    case TimerDelayKind.BusinessTime:
                        writer.WriteString("kind", "businessTime");
                        writer.WriteString("amount", DurationPattern.Roundtrip.Format(timer.Delay.Amount));
                        break;
                    default:
                        writer.WriteString("kind", "elapsed");
                        writer.WriteString("amount", DurationPattern.Roundtrip.Format(timer.Delay.Amount));
                        break;
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (state.Transitions.Count > 0)
        {
            writer.WriteStartArray("transitions");
            foreach (var transition in state.Transitions)
            {
                writer.WriteStartObject();
                writer.WriteString("trigger", transition.Trigger);
                writer.WriteString("kind", transition.Kind switch
                {
                    TransitionKind.Reentry => "reentry",
                    TransitionKind.Internal => "internal",
                    _ => "permit",
                });
                if (transition.Kind == TransitionKind.Permit)
                {
                    WriteOptional(writer, "target", transition.Target);
                }

                WriteOptional(writer, "guard", transition.Guard);
                WriteStrings(writer, "requiredFields", transition.RequiredFields);
                WriteIntents(writer, "intents", transition.Intents);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteIntents(Utf8JsonWriter writer, string name, IReadOnlyList<IntentDefinition> intents)
    {
        if (intents.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var intent in intents)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", intent.Kind);
            WriteOptional(writer, "parameter", intent.Parameter);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Reads the JSON tree into a definition and collects every mismatch with its JSON path.</summary>
    private sealed class DefinitionReader
    {
        public List<ValidationError> Errors { get; } = [];

        public ProcedureDefinition ReadProcedure(JsonElement root)
        {
            if (!IsObject(root, "$"))
            {
                return Empty();
            }

            CheckProperties(root, "$", "id", "version", "description", "concernTypes", "initialState", "states", "checklist");
            var id = Name(root, "id", "$", required: true) ?? string.Empty;
            var version = root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var number) ? number : Invalid("$.version", "must be a whole number of at least 1", v);
            var states = Objects(root, "states", "$").Select(s => ReadState(s.Element, s.Path)).ToArray();
            var checklist = Objects(root, "checklist", "$").Select(s => ReadStep(s.Element, s.Path)).ToArray();
            return new ProcedureDefinition(
                id,
                version,
                Text(root, "description", "$"),
                Names(root, "concernTypes", "$"),
                Name(root, "initialState", "$", required: true) ?? string.Empty,
                states,
                checklist);
        }

        private static ProcedureDefinition Empty() => new(string.Empty, 1, null, [], string.Empty, [], []);

        private StateDefinition ReadState(JsonElement element, string path)
        {
            CheckProperties(element, path, "name", "parent", "description", "final", "approvalGate", "requiredFields", "onEntry", "onExit", "timers", "transitions");
            var name = Name(element, "name", path, required: true) ?? string.Empty;
            return new StateDefinition(
                name,
                Name(element, "parent", path, required: false),
                Bool(element, "final", path),
                Bool(element, "approvalGate", path),
                Text(element, "description", path),
                Names(element, "requiredFields", path),
                Intents(element, "onEntry", path),
                Intents(element, "onExit", path),
                Objects(element, "timers", path).Select(t => ReadTimer(t.Element, t.Path)).ToArray(),
                Objects(element, "transitions", path).Select(t => ReadTransition(t.Element, t.Path, name)).ToArray());
        }

        private TransitionDefinition ReadTransition(JsonElement element, string path, string state)
        {
            CheckProperties(element, path, "trigger", "kind", "target", "guard", "requiredFields", "intents");
            var kind = Text(element, "kind", path) switch
            {
                null or "permit" => TransitionKind.Permit,
                "reentry" => TransitionKind.Reentry,
                "internal" => TransitionKind.Internal,
                var other => Invalid($"{path}.kind", "must be 'permit', 'reentry' or 'internal'", other, TransitionKind.Permit),
            };
            var target = Name(element, "target", path, required: false);
            if (kind == TransitionKind.Reentry)
            {
                target = target is null || target == state ? state : Invalid($"{path}.target", "must be left out for a reentry", target, target);
            }

            return new TransitionDefinition(
                Name(element, "trigger", path, required: true) ?? string.Empty,
                target,
                kind,
                Name(element, "guard", path, required: false),
                Names(element, "requiredFields", path),
                Intents(element, "intents", path));
        }

        private TimerDefinition ReadTimer(JsonElement element, string path)
        {
            CheckProperties(element, path, "name", "trigger", "delay");
            var delay = default(TimerDelay);
            if (!element.TryGetProperty("delay", out var d) || !IsObject(d, $"{path}.delay"))
            {
                Invalid($"{path}.delay", "is missing", null, 0);
            }
            else
            {
                CheckProperties(d, $"{path}.delay", "kind", "days", "amount");
                delay = ReadDelay(d, $"{path}.delay");
            }

            return new TimerDefinition(Name(element, "name", path, required: true) ?? string.Empty, Name(element, "trigger", path, required: true) ?? string.Empty, delay);
        }

        private TimerDelay ReadDelay(JsonElement element, string path)
        {
            var kind = Text(element, "kind", path);
            try
            {
                switch (kind)
                {
                    case "businessDays":
                        return element.TryGetProperty("days", out var days) && days.ValueKind == JsonValueKind.Number && days.TryGetInt32(out var count)
                            ? TimerDelay.BusinessDays(count)
                            : Invalid($"{path}.days", "must be a whole number of business days", days, default(TimerDelay));
                    case "businessTime":
                    case "elapsed":
                        var text = Text(element, "amount", path);
                        var parsed = text is null ? null : DurationPattern.Roundtrip.Parse(text);
                        if (parsed is null || !parsed.Success)
                        {
                            return Invalid($"{path}.amount", "must be a duration such as '0:04:00:00' (days:hours:minutes:seconds)", text, default(TimerDelay));
                        }

                        return kind == "elapsed" ? TimerDelay.Elapsed(parsed.Value) : TimerDelay.BusinessTime(parsed.Value);
                    default:
                        return Invalid($"{path}.kind", "must be 'elapsed', 'businessTime' or 'businessDays'", kind, default(TimerDelay));
                }
            }
            catch (ArgumentOutOfRangeException exception)
            {
                return Invalid(path, "has a length out of range", exception.ActualValue?.ToString(), default(TimerDelay));
            }
        }

        private ChecklistStepDefinition ReadStep(JsonElement element, string path)
        {
            CheckProperties(element, path, "id", "severity", "requiredBefore", "title");
            var severity = Text(element, "severity", path) switch
            {
                "mandatory" => StepSeverity.Mandatory,
                "advisory" => StepSeverity.Advisory,
                var other => Invalid($"{path}.severity", "must be 'mandatory' or 'advisory'", other, StepSeverity.Advisory),
            };
            return new ChecklistStepDefinition(
                Name(element, "id", path, required: true) ?? string.Empty,
                severity,
                Name(element, "requiredBefore", path, required: true) ?? string.Empty,
                Text(element, "title", path));
        }

        private IntentDefinition[] Intents(JsonElement element, string property, string path) =>
            Objects(element, property, path)
                .Select(i =>
                {
                    CheckProperties(i.Element, i.Path, "kind", "parameter");
                    var kind = Text(i.Element, "kind", i.Path);
                    return string.IsNullOrWhiteSpace(kind)
                        ? Invalid($"{i.Path}.kind", "is missing", kind, new IntentDefinition("invalid"))
                        : new IntentDefinition(kind, Text(i.Element, "parameter", i.Path));
                })
                .ToArray();

        private IEnumerable<(JsonElement Element, string Path)> Objects(JsonElement element, string property, string path)
        {
            if (!element.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
            {
                yield break;
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                Invalid($"{path}.{property}", "must be an array", array, 0);
                yield break;
            }

            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                var itemPath = $"{path}.{property}[{index++}]";
                if (IsObject(item, itemPath))
                {
                    yield return (item, itemPath);
                }
            }
        }

        private string[] Names(JsonElement element, string property, string path)
        {
            if (!element.TryGetProperty(property, out var array) || array.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (array.ValueKind != JsonValueKind.Array)
            {
                return Invalid($"{path}.{property}", "must be an array of strings", array, Array.Empty<string>());
            }

            var names = new List<string>();
            var index = 0;
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    names.Add(Sop.Names.Normalize(item.GetString()!));
                }
                else
                {
                    Invalid($"{path}.{property}[{index}]", "must be a string", item, 0);
                }

                index++;
            }

            return names.ToArray();
        }

        private string? Name(JsonElement element, string property, string path, bool required)
        {
            var text = Text(element, property, path);
            if (text is null && required)
            {
                Invalid($"{path}.{property}", "is missing", null, 0);
            }

            return text is null ? null : Sop.Names.Normalize(text);
        }

        private string? Text(JsonElement element, string property, string path)
        {
            if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return value.ValueKind == JsonValueKind.String ? value.GetString() : Invalid<string?>($"{path}.{property}", "must be a string", value, null);
        }

        private bool Bool(JsonElement element, string property, string path)
        {
            if (!element.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => Invalid($"{path}.{property}", "must be true or false", value, false),
            };
        }

        private bool IsObject(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Invalid(path, "must be an object", element, 0);
            return false;
        }

        private void CheckProperties(JsonElement element, string path, params string[] known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    Errors.Add(new ValidationError($"{path}.{property.Name}", "is not a known property",
                        $"Remove it or fix its name; known properties are {string.Join(", ", known)}.", property.Name));
                }
            }
        }

        private int Invalid(string path, string problem, JsonElement value) => Invalid(path, problem, value, 1);

        private T Invalid<T>(string path, string problem, JsonElement value, T fallback) =>
            Invalid(path, problem, value.ValueKind == JsonValueKind.Undefined ? null : value.GetRawText(), fallback);

        private T Invalid<T>(string path, string problem, string? value, T fallback)
        {
            Errors.Add(new ValidationError(path, problem, "Fix the value; docs/sop.md describes the format.", value));
            return fallback;
        }
    }
}
