using System.Text.Json.Nodes;
using KernelCI.Dashboard.Data;
using KernelCI.Data;

namespace KernelCI.Dashboard.Hardware;

/// <summary>`hardware/selectors/`: tree → branches → revisions an origin tested in the last 30 days (kernelci/dashboard:
/// backend/kernelCI_app/queries/hardware.py, get_hardware_selectors; views/hardwareSelectorsView.py). An origin's
/// revisions are those its builds started on in the window; for the labs upstream knows test other origins' builds
/// (aspeed, ti), those whose checkouts of the window have its tests on a platform, read from dash_hardware_status
/// rather than from the tests.</summary>
internal sealed class HardwareSelectorsQuery(DashboardDb db, TimeProvider time)
{
    private static readonly HashSet<string> CrossOriginTestOrigins = ["aspeed", "ti"];

    public async Task<JsonObject> SelectorsAsync(string origin, CancellationToken cancellationToken)
    {
        var revisions = CrossOriginTestOrigins.Contains(origin)
            ? """
              SELECT c.tree_name, c.git_repository_url, c.git_repository_branch, c.git_commit_hash, c.git_commit_name, c.start_time
              FROM checkouts c
              WHERE c.start_time > @since
                AND EXISTS (SELECT 1 FROM dash_hardware_status h WHERE h.checkout_id = c.id AND h.origin = @origin AND h.platform <> '')
              """
            : """
              SELECT c.tree_name, c.git_repository_url, c.git_repository_branch, c.git_commit_hash, c.git_commit_name, c.start_time
              FROM builds b JOIN checkouts c ON c.id = b.checkout_id
              WHERE b.origin = @origin AND b.start_time > @since
              """;
        var sql = $"""
            SELECT tree_name, git_repository_url, git_repository_branch, git_commit_hash, git_commit_name, MAX(start_time)
            FROM ({revisions}) AS r
            WHERE tree_name IS NOT NULL AND git_repository_url IS NOT NULL AND git_repository_branch IS NOT NULL
              AND git_commit_hash IS NOT NULL AND start_time IS NOT NULL
            GROUP BY tree_name, git_repository_url, git_repository_branch, git_commit_hash, git_commit_name
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("origin", origin);
        db.Sql.AddTime(command, "since", time.GetUtcNow().AddDays(-30));
        var rows = new List<(string Tree, string Url, string Branch, string Hash, string? Name, DateTimeOffset Start)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), db.Sql.ReadTime(reader, 5)!.Value));
            }
        }

        var trees = rows.GroupBy(r => r.Tree).OrderBy(g => g.Key, StringComparer.Ordinal).Select(tree => (JsonNode)new JsonObject
        {
            ["tree_name"] = tree.Key,
            ["branches"] = new JsonArray([.. tree.GroupBy(r => (r.Url, r.Branch))
                .OrderBy(g => g.Key.Url, StringComparer.Ordinal).ThenBy(g => g.Key.Branch, StringComparer.Ordinal)
                .Select(branch => (JsonNode)new JsonObject
                {
                    ["git_repository_url"] = branch.Key.Url,
                    ["git_repository_branch"] = branch.Key.Branch,
                    ["revisions"] = new JsonArray([.. branch.OrderByDescending(r => r.Start).Select(r => (JsonNode)new JsonObject
                    {
                        ["git_commit_hash"] = r.Hash,
                        ["git_commit_name"] = r.Name,
                        ["start_time"] = DashboardSql.FormatTime(r.Start),
                    })]),
                })]),
        });
        return new JsonObject { ["trees"] = new JsonArray([.. trees]) };
    }
}
