using KernelCI.Data;

namespace KernelCI.Maestro;

/// <summary>Where Maestro's SQL differs between SQLite and PostgreSQL, in one place: each store takes the dialect of
/// its database once (<see cref="For"/>) and writes its statements through it, as KCIDB's stores do
/// (src/KernelCI.Kcidb/Store). JSON paths here produce exactly the expressions the migrations index.</summary>
internal abstract class SqlDialect
{
    public static SqlDialect For(DatabaseKind kind) => kind == DatabaseKind.PostgreSql ? PostgreSqlDialect.Instance : SqliteDialect.Instance;

    /// <summary>A parameter holding JSON text, as the database stores JSON.</summary>
    public abstract string JsonParameter(string parameter);

    /// <summary>Appended to a SELECT that will be written in the same transaction.</summary>
    public abstract string ForUpdate { get; }

    /// <summary>What a statement with an OFFSET and no LIMIT needs before the OFFSET.</summary>
    public abstract string NoLimit { get; }

    public abstract string Greatest(string a, string b);

    public abstract string Least(string a, string b);

    /// <summary>An aggregate of <paramref name="expression"/> as a JSON array text, `[]` for no rows.</summary>
    public abstract string JsonArrayText(string expression);

    /// <summary>Statements before a cursor advance: PostgreSQL need not wait for its WAL flush (a lost advance is
    /// redelivered), and locks the rows of several subscriptions in id order, so that two advances cannot deadlock.</summary>
    public abstract string BeforeCursorAdvance(string ids, int count);

    /// <summary>The field at a dotted path of a JSON column, as text.</summary>
    public abstract string JsonText(string column, string field);

    /// <summary>The JSON type name of the field at a dotted path.</summary>
    public abstract string JsonType(string column, string field);

    /// <summary>The <see cref="JsonType"/> of a string.</summary>
    public abstract string JsonStringType { get; }

    public abstract string NotEqual(string expression, string parameter);

    public abstract string Matches(string expression, string parameter);

    /// <summary>The field is the JSON literal true or false; null when absent.</summary>
    public abstract string JsonIsFlag(string column, string field, bool flag);

    /// <summary>The field equals the JSON number or string <paramref name="value"/>; <paramref name="add"/> makes its parameter.</summary>
    public abstract string JsonEquals(string column, string field, object value, Func<object?, string> add);

    /// <summary>The field is a number and compares with <paramref name="value"/> as <paramref name="op"/> does.</summary>
    public abstract string JsonCompareNumber(string column, string field, string op, object value, Func<object?, string> add);

    /// <summary>The condition <paramref name="condition"/> is not true (false or null).</summary>
    public abstract string NotTrue(string condition);
}
