using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro.Nodes;

/// <summary>The filter language (docs/maestro.md "Filters and sort"; upstream: kernelci/kernelci-api:api/main.py
/// `get_nodes`): `field__op=value`, null/true/false, typed fields, plus our `sort`.</summary>
internal static partial class NodeQueryParser
{
    private static readonly HashSet<string> Operators = ["eq", "lt", "lte", "gt", "gte", "ne", "re", "in", "nin", "int"];

    public static NodeQuery Parse(IQueryCollection query, int? defaultLimit, bool paging = true)
    {
        var conditions = new List<FilterCondition>();
        var sort = new List<(string, bool)>();
        int? limit = defaultLimit;
        var offset = 0;
        foreach (var (key, values) in query)
        {
            foreach (var raw in values)
            {
                var value = raw ?? "";
                switch (key)
                {
                    case "limit" when paging:
                        limit = ParseCount(key, value);
                        continue;
                    case "offset" when paging:
                        offset = ParseCount(key, value);
                        continue;
                    case "limit" or "offset":
                        continue;
                    case "sort":
                        sort.AddRange(ParseSort(value));
                        continue;
                    default:
                        conditions.Add(ParseCondition(key, value));
                        break;
                }
            }
        }

        NodeSortRule.Check(conditions, sort);
        return new NodeQuery(conditions, sort, limit, offset);
    }

    private static int ParseCount(string key, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw MaestroException.BadRequest($"{key}: '{value}' is not a non-negative integer");

    private static IEnumerable<(string, bool)> ParseSort(string value)
    {
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var descending = part.StartsWith('-');
            var field = part.TrimStart('-', '+');
            if (field.EndsWith(":desc", StringComparison.Ordinal) || field.EndsWith(":asc", StringComparison.Ordinal))
            {
                descending = field.EndsWith(":desc", StringComparison.Ordinal);
                field = field[..field.LastIndexOf(':')];
            }

            CheckField(field);
            yield return (field, descending);
        }
    }

    private static FilterCondition ParseCondition(string key, string value)
    {
        var field = key;
        var op = "eq";
        var parts = key.Split("__");
        if (parts.Length == 2)
        {
            (field, op) = (parts[0], parts[1]);
            if (!Operators.Contains(op))
            {
                throw MaestroException.BadRequest($"{key}: unknown operator '{op}' (use lt, lte, gt, gte, ne, re, in, nin)");
            }
        }

        CheckField(field);
        return new FilterCondition(field, op, TypedValue(field, op, value));
    }

    private static object? TypedValue(string field, string op, string value)
    {
        if (op is "in" or "nin")
        {
            return value.Split(',').ToArray();
        }

        if (op == "re")
        {
            return FilterPattern.Require(value, $"{field}__re");
        }

        if (value == "null")
        {
            return null;
        }

        if (NodeFields.TimeFields.Contains(field))
        {
            return NodeTime.Normalise(value, field);
        }

        if (field == "parent")
        {
            return ObjectIds.Require(value);
        }

        if (field == "retry_counter" || op == "int" || (op != "eq" && value.Length > 0 && value.All(char.IsAsciiDigit)))
        {
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw MaestroException.BadRequest($"{field}: '{value}' is not an integer");
        }

        if (bool.TryParse(value, out var flag))
        {
            return flag;
        }

        return value;
    }

    private static void CheckField(string field)
    {
        if (field.Length > NodeLimits.MaxText || !FieldPattern().IsMatch(field))
        {
            throw MaestroException.BadRequest($"'{field}' is not a valid field name");
        }
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_\-]*(\.[A-Za-z0-9_\-]+)*$")]
    private static partial Regex FieldPattern();
}
