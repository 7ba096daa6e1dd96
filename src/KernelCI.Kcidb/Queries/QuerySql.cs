using System.Data.Common;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Queries;

/// <summary>Where the query SQL differs between the databases: lists passed as one parameter, the types values come
/// back as, and NULL ordering. Values read back are normalised: bool, double, long, string, string[] or JSON text.</summary>
internal abstract class QuerySql
{
    public static QuerySql For(Database database) =>
        database.Kind == DatabaseKind.Sqlite ? new SqliteQuerySql() : new PostgreSqlQuerySql();

    /// <summary>A condition that `column` is one of the strings in the parameter added by <see cref="AddIds"/>.</summary>
    public abstract string InIds(string column, string parameter);

    /// <summary>A condition that (idColumn, versionColumn) is one of the pairs added by <see cref="AddPairs"/>.</summary>
    public abstract string InPairs(string idColumn, string versionColumn, string parameter);

    /// <summary>A condition that `column` is one of the values a subquery returns.</summary>
    public abstract string InSubquery(string column, string subquery);

    public abstract void AddIds(DbCommand command, string name, IEnumerable<string> ids);

    public abstract void AddPairs(DbCommand command, string name, IEnumerable<(string Id, long Version)> pairs);

    public abstract void AddTimestamp(DbCommand command, string name, DateTime utc);

    /// <summary>How to select a column so that <see cref="Read"/> can convert it.</summary>
    public abstract string Select(KcidbColumn column);

    /// <summary>"start_time DESC" with NULLs after every time.</summary>
    public abstract string NewestFirst(string column);

    /// <summary>An enum expression read as text.</summary>
    public abstract string EnumAsText(string expression);

    /// <summary>A text parameter compared with an enum column (STATUS on PostgreSQL).</summary>
    public abstract string Enum(string parameter);

    public abstract object? Read(DbDataReader reader, int ordinal, ColumnKind kind);
}
