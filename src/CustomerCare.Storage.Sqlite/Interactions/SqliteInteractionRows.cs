using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Data.Sqlite;

namespace CustomerCare.Storage.Sqlite;

/// <summary>
/// Column conversions of the interaction stores: identifiers as 16-byte BLOBs in the byte order of their UUID text
/// (so <c>ORDER BY id</c> sorts as <see cref="Guid.CompareTo(Guid)"/> does), and documents as JSON text.
/// </summary>
internal static class SqliteInteractionRows
{
    public static byte[] Id(Guid value) => value.ToByteArray(bigEndian: true);

    public static object Id(Guid? value) => value is { } id ? Id(id) : DBNull.Value;

    public static Guid ReadId(SqliteDataReader reader, int ordinal) => new(reader.GetFieldValue<byte[]>(ordinal), bigEndian: true);

    public static Guid? ReadOptionalId(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : ReadId(reader, ordinal);

    public static long? ReadOptionalInt64(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static string? ReadOptionalString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static object Value(string? value) => value is null ? DBNull.Value : value;

    public static object Value(long? value) => value is { } number ? number : DBNull.Value;

    public static string Write<T>(T document, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(document, typeInfo);

    public static T Read<T>(SqliteDataReader reader, int ordinal, JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(reader.GetString(ordinal), typeInfo)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is the JSON literal null. The row was not written by CustomerCare.Storage.Sqlite.");

    public static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Returns whether <paramref name="exception"/> reports a violated UNIQUE or PRIMARY KEY constraint.</summary>
    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteErrorCode == 19 && exception.SqliteExtendedErrorCode is 2067 or 1555;

    public static async Task<T?> ReadSingleAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
        }
    }

    public static async Task<List<T>> ReadAllAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
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
}
