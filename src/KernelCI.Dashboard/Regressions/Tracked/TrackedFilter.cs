using System.Data.Common;
using KernelCI.Dashboard.Http;
using KernelCI.Data;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Regressions.Tracked;

/// <summary>The filters `regressions/` and `flaky/` share: exact tree_name, git_repository_branch, origin, platform,
/// config_name and architecture, and a test path prefix (`path`), each optional.</summary>
internal sealed record TrackedFilter(IReadOnlyList<(string Column, string Value)> Exact, string? PathPrefix)
{
    private static readonly string[] Columns = ["tree_name", "git_repository_branch", "origin", "platform", "config_name", "architecture"];

    public static TrackedFilter From(IQueryCollection query)
    {
        var exact = Columns.Select(c => (Column: c, Value: QueryValues.Optional(query, c))).Where(c => c.Value is not null)
            .Select(c => (c.Column, c.Value!)).ToList();
        return new TrackedFilter(exact, QueryValues.Optional(query, "path"));
    }

    /// <summary>The WHERE conditions (joined with AND, at least `1 = 1`) with their parameters added to the command.</summary>
    public string Apply(DbCommand command)
    {
        var conditions = new List<string> { "1 = 1" };
        foreach (var (column, value) in Exact)
        {
            conditions.Add($"{column} = @{column}");
            command.AddParameter(column, value);
        }

        if (PathPrefix is { } prefix)
        {
            // A prefix by range, not LIKE, so '%' and '_' in a path are plain characters.
            conditions.Add("(path = @path OR (path >= @path_dot AND path < @path_end))");
            command.AddParameter("path", prefix);
            command.AddParameter("path_dot", prefix + ".");
            command.AddParameter("path_end", prefix + "/");
        }

        return string.Join(" AND ", conditions);
    }
}
