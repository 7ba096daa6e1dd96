namespace KernelCI.Data;

public enum DatabaseKind
{
    Sqlite,
    PostgreSql,
}
