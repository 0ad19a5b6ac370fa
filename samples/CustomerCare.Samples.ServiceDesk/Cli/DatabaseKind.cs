namespace CustomerCare.Samples.ServiceDesk.Cli;

/// <summary>The storage kinds the sample runs on.</summary>
internal enum DatabaseKind
{
    Memory,
    Sqlite,
    PostgreSql,
}
