using KernelCI.Dashboard.Data;
using KernelCI.Data;

namespace KernelCI.Dashboard.Web.Issues;

/// <summary>How many incidents name each issue version of a listing page. The API's listing does not count them
/// (upstream's neither); the page asks only for its own rows, through incidents' (issue_id, issue_version) index.</summary>
internal static class IssueIncidentCounts
{
    public static async Task<Dictionary<(string Id, long Version), long>> ReadAsync(DashboardDb db, IReadOnlyCollection<string> ids,
        CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string Id, long Version), long>();
        if (ids.Count == 0)
        {
            return counts;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT issue_id, issue_version, COUNT(*) FROM incidents
            WHERE {db.Kcidb.InIds("issue_id", "ids")}
            GROUP BY issue_id, issue_version
            """;
        db.Kcidb.AddIds(command, "ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[(reader.GetString(0), reader.GetInt64(1))] = reader.GetInt64(2);
        }

        return counts;
    }
}
