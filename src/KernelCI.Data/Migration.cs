namespace KernelCI.Data;

/// <summary>One schema step of a component, with its SQL for each database.</summary>
public sealed record Migration(string Component, int Version, string Name, string Sqlite, string PostgreSql)
{
    public string SqlFor(DatabaseKind kind) => kind == DatabaseKind.Sqlite ? Sqlite : PostgreSql;
}
