using System.Text;
using System.Text.RegularExpressions;
using KernelCI.Data;

namespace KernelCI.Maestro.Nodes;

/// <summary>Turns parsed filters into a parameterised WHERE and ORDER BY for one database. Column fields use their
/// indexes; other fields read the JSON document with the same expressions as the expression indexes.</summary>
internal sealed partial class FilterSql(DatabaseKind kind)
{
    private readonly List<KeyValuePair<string, object?>> _parameters = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Parameters => _parameters;

    private bool Pg => kind == DatabaseKind.PostgreSql;

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
        ("ne", _) => Pg ? $"{expr} IS DISTINCT FROM {Add(value)}" : $"{expr} IS NOT {Add(value)}",
        ("lt", _) => $"{expr} < {Add(value)}",
        ("lte", _) => $"{expr} <= {Add(value)}",
        ("gt", _) => $"{expr} > {Add(value)}",
        ("gte", _) => $"{expr} >= {Add(value)}",
        ("re", _) => Pg ? $"{expr} ~ {Add(value)}" : $"{expr} REGEXP {Add(value)}",
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
            return c.Operator is "ne" or "nin" ? compare : $"({compare} AND {JsonType(c.Field)} = {(Pg ? "'string'" : "'text'")})";
        }

        if (c.Value is null)
        {
            return c.Operator == "ne" ? $"{text} IS NOT NULL" : $"{text} IS NULL";
        }

        var equal = c.Value is bool flag
            ? (Pg ? $"{JsonNode(c.Field)} = '{(flag ? "true" : "false")}'::jsonb" : $"{JsonType(c.Field)} = '{(flag ? "true" : "false")}'")
            : Pg ? $"{JsonNode(c.Field)} = CAST({Add(c.Value.ToString())} AS jsonb)" : $"{text} = {Add(c.Value)}";
        var numeric = Pg ? $"jsonb_typeof({JsonNode(c.Field)}) = 'number'" : $"{JsonType(c.Field)} IN ('integer', 'real')";
        string Ordered(string sqlOp) => Pg
            ? $"({numeric} AND {JsonNode(c.Field)} {sqlOp} CAST({Add(c.Value.ToString())} AS jsonb))"
            : $"({numeric} AND {text} {sqlOp} {Add(c.Value)})";
        return c.Operator switch
        {
            "eq" or "int" => equal,
            "ne" => Pg ? $"NOT COALESCE({equal}, false)" : $"NOT COALESCE({equal}, 0)",
            "lt" => Ordered("<"),
            "lte" => Ordered("<="),
            "gt" => Ordered(">"),
            "gte" => Ordered(">="),
            _ => throw MaestroException.BadRequest($"operator '{c.Operator}' does not apply to this value"),
        };
    }

    private string JsonText(string field) => Pg ? $"(doc #>> '{PgPath(field)}')" : $"json_extract(doc, '{SqlitePath(field)}')";

    private static string JsonNode(string field) => $"(doc #> '{PgPath(field)}')";

    private string JsonType(string field) => Pg ? $"jsonb_typeof({JsonNode(field)})" : $"json_type(doc, '{SqlitePath(field)}')";

    private static string PgPath(string field) => "{" + string.Join(",", field.Split('.')) + "}";

    private static string SqlitePath(string field)
    {
        var path = new StringBuilder("$");
        foreach (var segment in field.Split('.'))
        {
            path.Append('.').Append(Identifier().IsMatch(segment) ? segment : "\"" + segment + "\"");
        }

        return path.ToString();
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
