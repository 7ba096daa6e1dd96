namespace KernelCI.Maestro;

/// <summary>PostgreSQL's spelling: JSONB read with `#>` / `#>>`, `~` for regular expressions, row locks for writes.</summary>
internal sealed class PostgreSqlDialect : SqlDialect
{
    public static readonly PostgreSqlDialect Instance = new();

    private PostgreSqlDialect()
    {
    }

    public override string ForUpdate => " FOR UPDATE";

    public override string NoLimit => "";

    public override string JsonStringType => "'string'";

    public override string JsonParameter(string parameter) => $"CAST({parameter} AS jsonb)";

    public override string Greatest(string a, string b) => $"GREATEST({a}, {b})";

    public override string Least(string a, string b) => $"LEAST({a}, {b})";

    public override string JsonArrayText(string expression) => $"COALESCE(json_agg({expression}), '[]')::text";

    // One row locked alone cannot be part of a deadlock; the lone poll (the commonest statement) skips the lock.
    public override string BeforeCursorAdvance(string ids, int count) => "SET LOCAL synchronous_commit = off;\n"
        + (count > 1 ? $"SELECT id FROM maestro_subscriptions WHERE id IN ({ids}) ORDER BY id FOR UPDATE;\n" : "");

    public override string JsonText(string column, string field) => $"({column} #>> '{Path(field)}')";

    public override string JsonType(string column, string field) => $"jsonb_typeof({JsonNode(column, field)})";

    public override string NotEqual(string expression, string parameter) => $"{expression} IS DISTINCT FROM {parameter}";

    public override string Matches(string expression, string parameter) => $"{expression} ~ {parameter}";

    public override string JsonIsFlag(string column, string field, bool flag) => $"{JsonNode(column, field)} = '{(flag ? "true" : "false")}'::jsonb";

    public override string JsonEquals(string column, string field, object value, Func<object?, string> add) =>
        $"{JsonNode(column, field)} = CAST({add(value.ToString())} AS jsonb)";

    public override string JsonCompareNumber(string column, string field, string op, object value, Func<object?, string> add) =>
        $"({JsonType(column, field)} = 'number' AND {JsonNode(column, field)} {op} CAST({add(value.ToString())} AS jsonb))";

    public override string NotTrue(string condition) => $"NOT COALESCE({condition}, false)";

    private static string JsonNode(string column, string field) => $"({column} #> '{Path(field)}')";

    private static string Path(string field) => "{" + string.Join(",", field.Split('.')) + "}";
}
