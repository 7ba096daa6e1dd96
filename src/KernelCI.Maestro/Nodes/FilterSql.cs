namespace KernelCI.Maestro.Nodes;

/// <summary>Turns parsed filters into a parameterised WHERE and ORDER BY for one database. Column fields use their
/// indexes; other fields read the JSON document with the same expressions as the expression indexes.</summary>
internal sealed class FilterSql(SqlDialect sql)
{
    private readonly List<KeyValuePair<string, object?>> _parameters = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Parameters => _parameters;

    public string Where(IReadOnlyList<FilterCondition> conditions)
    {
        if (conditions.Count == 0)
        {
            return "";
        }

        return " WHERE " + string.Join(" AND ", conditions.Select(Condition));
    }

    public string OrderBy(IReadOnlyList<(string Field, bool Descending)> sort)
    {
        // Oldest first by default. By created rather than id alone, so that the (…, created) indexes serve both the
        // filter and the order and a LIMIT stops early: an id-order scan would walk the whole table to reach a
        // recent window such as the KCIDB bridge's.
        var keys = sort.Count == 0
            ? ["\"created\" ASC"]
            : sort.Select(s => SortExpression(s.Field) + (s.Descending ? " DESC" : " ASC")).ToList();
        if (!sort.Any(s => s.Field == "id"))
        {
            keys.Add(sort.Count > 0 && sort[0].Descending ? "id DESC" : "id ASC");
        }

        return " ORDER BY " + string.Join(", ", keys);
    }

    public string Add(object? value)
    {
        var name = "@p" + _parameters.Count;
        _parameters.Add(new(name[1..], value));
        return name;
    }

    private string SortExpression(string field) => NodeColumns.IsColumn(field) ? Column(field) : JsonText(field);

    private static string Column(string field) => "\"" + field + "\"";

    private string Condition(FilterCondition c)
    {
        if (c.Field == NodeColumns.Bool || c.Field == NodeColumns.Int)
        {
            return Compare(Column(c.Field), c.Operator, c.Value);
        }

        if (NodeColumns.Text.Contains(c.Field))
        {
            var value = c.Value is bool or long ? Convert.ToString(c.Value, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant() : c.Value;
            return Compare(Column(c.Field), c.Operator, value);
        }

        return JsonCondition(c);
    }

    private string Compare(string expr, string op, object? value) => (op, value) switch
    {
        ("eq" or "int", null) => $"{expr} IS NULL",
        ("ne", null) => $"{expr} IS NOT NULL",
        ("eq" or "int", _) => $"{expr} = {Add(value)}",
        ("ne", _) => sql.NotEqual(expr, Add(value)),
        ("lt", _) => $"{expr} < {Add(value)}",
        ("lte", _) => $"{expr} <= {Add(value)}",
        ("gt", _) => $"{expr} > {Add(value)}",
        ("gte", _) => $"{expr} >= {Add(value)}",
        ("re", _) => sql.Matches(expr, Add(value)),
        ("in", string[] list) => $"{expr} IN ({string.Join(", ", list.Select(v => Add(v)))})",
        ("nin", string[] list) => $"({expr} IS NULL OR {expr} NOT IN ({string.Join(", ", list.Select(v => Add(v)))}))",
        _ => throw MaestroException.BadRequest($"operator '{op}' does not apply to this value"),
    };

    private string JsonCondition(FilterCondition c)
    {
        var text = JsonText(c.Field);
        if (c.Operator is "re" or "in" or "nin" || c.Value is string)
        {
            var compare = Compare(text, c.Operator, c.Value);
            return c.Operator is "ne" or "nin" ? compare : $"({compare} AND {JsonType(c.Field)} = {sql.JsonStringType})";
        }

        if (c.Value is null)
        {
            return c.Operator == "ne" ? $"{text} IS NOT NULL" : $"{text} IS NULL";
        }

        var equal = c.Value is bool flag ? sql.JsonIsFlag("doc", c.Field, flag) : sql.JsonEquals("doc", c.Field, c.Value, Add);
        string Ordered(string sqlOp) => sql.JsonCompareNumber("doc", c.Field, sqlOp, c.Value, Add);
        return c.Operator switch
        {
            "eq" or "int" => equal,
            "ne" => sql.NotTrue(equal),
            "lt" => Ordered("<"),
            "lte" => Ordered("<="),
            "gt" => Ordered(">"),
            "gte" => Ordered(">="),
            _ => throw MaestroException.BadRequest($"operator '{c.Operator}' does not apply to this value"),
        };
    }

    private string JsonText(string field) => sql.JsonText("doc", field);

    private string JsonType(string field) => sql.JsonType("doc", field);
}
