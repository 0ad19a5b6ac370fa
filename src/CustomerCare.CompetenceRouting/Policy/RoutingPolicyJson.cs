using System.Text;
using System.Text.Json;
using CustomerCare.Core;

namespace CustomerCare.CompetenceRouting;

/// <summary>Reads and writes a <see cref="RoutingPolicy"/> as JSON, the form in which organizations keep it in configuration.</summary>
/// <remarks>
/// <para>
/// Property names are camel case. Levels are ranks (<c>2</c>), priorities their text form (<c>"P2"</c>), durations ISO
/// 8601 (<c>"PT5M"</c>, <c>"PT2H"</c>), distribution modes kebab case (<c>"longest-idle"</c>). A skill requirement is
/// either a name (<c>"billing"</c>, any proficiency) or <c>{ "skill": "billing", "min": 3 }</c>. A ladder names its
/// calendar, which the caller resolves. docs/competence-routing.md shows a complete document.
/// </para>
/// <para>
/// Reading reports every problem at once: unknown properties, values of the wrong type or form, unknown calendars,
/// and then every problem that <see cref="RoutingPolicy.Validate"/> finds. This type is thread-safe.
/// </para>
/// </remarks>
public static class RoutingPolicyJson
{
    /// <summary>Reads a policy from JSON.</summary>
    /// <param name="json">The JSON document.</param>
    /// <param name="calendars">The business calendars that ladders may name, by name, or <see langword="null"/> for none.</param>
    /// <returns>The policy, checked as a whole.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="CustomerCareValidationException">
    /// The JSON is malformed, has unknown properties or invalid values, names unknown calendars, or describes an invalid
    /// policy; the exception lists every problem with its JSON path.
    /// </exception>
    public static RoutingPolicy Parse(string json, IReadOnlyDictionary<string, IBusinessCalendar>? calendars = null)
    {
        Guard.NotNull(json);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException exception)
        {
            throw new CustomerCareValidationException(new ValidationError(
                "$",
                $"is not valid JSON: {exception.Message}",
                "Fix the JSON syntax at the line and position given."));
        }

        using (document)
        {
            var reader = new RoutingPolicyJsonReader(calendars ?? new Dictionary<string, IBusinessCalendar>());
            var policy = reader.Read(document.RootElement);
            var errors = reader.Errors.ToList();
            if (policy is not null)
            {
                errors.AddRange(policy.Validate());
            }

            if (errors.Count > 0 || policy is null)
            {
                throw new CustomerCareValidationException(errors);
            }

            return policy;
        }
    }

    /// <summary>Writes a policy as JSON that <see cref="Parse"/> reads back into an equal policy.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="indented">Whether to indent the JSON for people; <see langword="true"/> by default.</param>
    /// <returns>The JSON document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">A ladder has a calendar but no <see cref="Ladders.EscalationLadder.CalendarName"/> to write.</exception>
    public static string Write(RoutingPolicy policy, bool indented = true)
    {
        Guard.NotNull(policy);

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            RoutingPolicyJsonWriter.Write(writer, policy);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
