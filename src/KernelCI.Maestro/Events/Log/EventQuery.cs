using KernelCI.Data;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro.Events.Log;

/// <summary>GET /events filters (upstream's `_build_events_query`, kernelci/kernelci-api:api/main.py; docs/maestro.md
/// "Endpoints") as parameterised SQL over the event log.</summary>
internal static class EventQuery
{
    private static readonly HashSet<string> DataFields = ["kind", "state", "result", "op", "name", "group", "owner"];

    public static (string Sql, List<KeyValuePair<string, object?>> Parameters) Build(IQueryCollection query, DatabaseKind kind)
    {
        var dialect = SqlDialect.For(kind);
        string Field(string name) => dialect.JsonText("data", name);
        var where = new List<string>();
        var parameters = new List<KeyValuePair<string, object?>>();
        string Add(object? value)
        {
            parameters.Add(new("e" + parameters.Count, value));
            return "@e" + (parameters.Count - 1);
        }

        long? limit = null;
        long offset = 0;
        foreach (var (key, values) in query)
        {
            var value = values.ToString();
            switch (key)
            {
                case "limit":
                    limit = long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var l) ? l : throw MaestroException.BadRequest("limit: must be a non-negative integer");
                    break;
                case "offset":
                    offset = long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var o) ? o : throw MaestroException.BadRequest("offset: must be a non-negative integer");
                    break;
                case "recursive":
                    break;
                case "channel":
                    where.Add("channel = " + Add(value));
                    break;
                case "from":
                    where.Add("timestamp > " + Add(NodeTime.Normalise(value, "from")));
                    break;
                case "path":
                    var pattern = FilterPattern.Require(value, "path");
                    where.Add(dialect.Matches(Field("path"), Add(pattern)));
                    break;
                case "node_id":
                    where.Add($"{Field("id")} = {Add(value)}");
                    break;
                case "id" or "ids":
                    var ids = value.Split(',').Select(v => long.TryParse(v, out var n) ? n : throw MaestroException.BadRequest($"{key}: '{v}' is not an event id")).ToList();
                    where.Add($"pos IN ({string.Join(", ", ids.Select(i => Add(i)))})");
                    break;
                default:
                    var field = DataFields.Contains(key) ? key : key.StartsWith("data.", StringComparison.Ordinal) ? key[5..] : null;
                    // Each segment an identifier: SQLite's json_extract fails on an empty or odd path segment.
                    if (field is null || !field.Split('.').All(s => s.Length > 0 && !char.IsAsciiDigit(s[0]) && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
                    {
                        throw MaestroException.BadRequest($"{key}: unknown /events filter");
                    }

                    where.Add($"{Field(field)} = {Add(value)}");
                    break;
            }
        }

        where.Add("pos IS NOT NULL");
        var sql = "SELECT pos, channel, owner, timestamp, data, cloud_event FROM maestro_events WHERE " + string.Join(" AND ", where) + " ORDER BY pos";
        if (limit is not null || offset > 0)
        {
            sql += " LIMIT " + Add(limit ?? long.MaxValue) + " OFFSET " + Add(offset);
        }

        return (sql, parameters);
    }
}
