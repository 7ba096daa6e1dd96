using System.Text;
using System.Text.RegularExpressions;

namespace KernelCI.Maestro;

/// <summary>SQLite's spelling: JSON as text read with json_extract, our REGEXP function (<see cref="Sql.OpenAsync"/>),
/// one writer at a time, so no row locks.</summary>
internal sealed partial class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    private SqliteDialect()
    {
    }

    public override string ForUpdate => "";

    public override string NoLimit => " LIMIT -1";

    public override string JsonStringType => "'text'";

    public override string JsonParameter(string parameter) => parameter;

    public override string Greatest(string a, string b) => $"MAX({a}, {b})";

    public override string Least(string a, string b) => $"MIN({a}, {b})";

    public override string JsonArrayText(string expression) => $"json_group_array({expression})";

    public override string BeforeCursorAdvance(string ids, int count) => "";

    public override string JsonText(string column, string field) => $"json_extract({column}, '{Path(field)}')";

    public override string JsonType(string column, string field) => $"json_type({column}, '{Path(field)}')";

    public override string NotEqual(string expression, string parameter) => $"{expression} IS NOT {parameter}";

    public override string Matches(string expression, string parameter) => $"{expression} REGEXP {parameter}";

    public override string JsonIsFlag(string column, string field, bool flag) => $"{JsonType(column, field)} = '{(flag ? "true" : "false")}'";

    public override string JsonEquals(string column, string field, object value, Func<object?, string> add) =>
        $"{JsonText(column, field)} = {add(value)}";

    public override string JsonCompareNumber(string column, string field, string op, object value, Func<object?, string> add) =>
        $"({JsonType(column, field)} IN ('integer', 'real') AND {JsonText(column, field)} {op} {add(value)})";

    public override string NotTrue(string condition) => $"NOT COALESCE({condition}, 0)";

    private static string Path(string field)
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
