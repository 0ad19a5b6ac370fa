using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace CustomerCare.Storage.PostgreSql;

/// <summary>
/// Column conversions and command helpers of the interaction stores: identifiers as <c>uuid</c>, instants as
/// <c>timestamptz</c> and documents as <c>json</c> text.
/// </summary>
internal static class PostgreSqlInteractionRows
{
    public static object Value(Guid? value) => value is { } id ? id : DBNull.Value;

    public static object Value(string? value) => value is null ? DBNull.Value : value;

    public static object Value(NodaTime.Instant? value) => value is { } instant ? PostgreSqlInstant.ToDateTime(instant) : DBNull.Value;

    public static Guid? ReadOptionalId(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);

    public static string? ReadOptionalString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static NodaTime.Instant ReadInstant(NpgsqlDataReader reader, int ordinal) => PostgreSqlInstant.FromDateTime(reader.GetDateTime(ordinal));

    public static NodaTime.Instant? ReadOptionalInstant(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ReadInstant(reader, ordinal);

    public static void AddJson<T>(NpgsqlCommand command, string name, T document, JsonTypeInfo<T> typeInfo) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Json) { Value = JsonSerializer.Serialize(document, typeInfo) });

    public static T ReadJson<T>(NpgsqlDataReader reader, int ordinal, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(reader.GetString(ordinal), typeInfo)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is the JSON literal null. The row was not written by CustomerCare.Storage.PostgreSql.");

    /// <summary>Throws when <paramref name="value"/> contains the NUL character, which PostgreSQL text cannot store.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> contains U+0000.</exception>
    public static void RejectNul(string? value, string what, string paramName)
    {
        if (value is not null && value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"{what} contains the NUL character (U+0000), which PostgreSQL text columns cannot store. Remove it before storing.",
                paramName);
        }
    }

    public static bool HasNul(string value) => value.Contains('\0', StringComparison.Ordinal);

    public static async Task<T?> ReadSingleAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
        }
    }

    public static async Task<List<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(read(reader));
            }
        }

        return items;
    }

    public static async Task<long?> ReadVersionAsync(PostgreSqlDatabase.WriteScope scope, string table, Guid id, CancellationToken cancellationToken)
    {
        var read = scope.Command($"SELECT version FROM {table} WHERE id = @id");
        read.Parameters.AddWithValue("id", id);
        return await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }
}
