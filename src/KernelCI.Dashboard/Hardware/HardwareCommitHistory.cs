using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using KernelCI.Data;

namespace KernelCI.Dashboard.Hardware;

/// <summary>`hardware/{id}/commit-history`: for each tree head the page shows, the tree's earlier commits in the window
/// (kernelci/dashboard: backend/kernelCI_app/views/hardwareDetailsCommitHistoryView.py and queries/hardware.py,
/// get_hardware_commit_history). The head's time is its origin's first checkout of that commit; each commit is listed
/// once, at its first checkout. Keyed by "tree-URL-branch" as upstream.</summary>
internal sealed class HardwareCommitHistory(DashboardDb db)
{
    private const int MaxHeads = 200;

    public sealed record Head(string TreeName, string RepositoryUrl, string Branch, string CommitHash);

    public static (string Origin, DateTimeOffset Start, DateTimeOffset End, List<Head> Heads) Parse(JsonObject body)
    {
        // The window and origin read as for the other hardware POSTs; commitHeads replaces selectedCommits.
        var common = HardwareDetailsRequest.Parse(new JsonObject
        {
            ["origin"] = body["origin"]?.DeepClone(),
            ["startTimestampInSeconds"] = body["startTimestampInSeconds"]?.DeepClone(),
            ["endTimestampInSeconds"] = body["endTimestampInSeconds"]?.DeepClone(),
        });
        if (body["commitHeads"] is not JsonArray list)
        {
            throw new BadParameterException("commitHeads", "is required: a list of {treeName, repositoryUrl, branch, commitHash}");
        }

        if (list.Count > MaxHeads)
        {
            throw new BadParameterException("commitHeads", $"at most {MaxHeads} heads");
        }

        var heads = new List<Head>();
        for (var i = 0; i < list.Count; i++)
        {
            var head = list[i] as JsonObject ?? throw new BadParameterException($"commitHeads[{i}]", "must be an object");
            heads.Add(new Head(Field(head, i, "treeName"), Field(head, i, "repositoryUrl"), Field(head, i, "branch"), Field(head, i, "commitHash")));
        }

        return (common.Origin, common.Start, common.End, heads);
    }

    public async Task<JsonObject> TableAsync(string origin, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<Head> heads,
        CancellationToken cancellationToken)
    {
        var table = new JsonObject();
        await using var connection = await db.OpenAsync(cancellationToken);
        foreach (var head in heads)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                WITH head AS (
                    SELECT MIN(start_time) AS start_time FROM checkouts
                    WHERE tree_name = @tree AND git_repository_url = @url AND git_repository_branch = @branch
                      AND git_commit_hash = @hash AND origin = @origin
                ), earlier AS (
                    SELECT c.git_commit_hash, c.git_commit_name, c.git_commit_tags, c.start_time,
                           ROW_NUMBER() OVER (PARTITION BY c.git_commit_hash ORDER BY c.start_time, c.id) AS rn
                    FROM checkouts c, head
                    WHERE c.tree_name = @tree AND c.git_repository_url = @url AND c.git_repository_branch = @branch
                      AND c.git_commit_hash IS NOT NULL
                      AND c.start_time <= head.start_time AND c.start_time >= @start AND c.start_time <= @end
                )
                SELECT git_commit_hash, git_commit_name, git_commit_tags, start_time FROM earlier WHERE rn = 1
                ORDER BY start_time DESC, git_commit_hash
                """;
            command.AddParameter("tree", head.TreeName);
            command.AddParameter("url", head.RepositoryUrl);
            command.AddParameter("branch", head.Branch);
            command.AddParameter("hash", head.CommitHash);
            command.AddParameter("origin", origin);
            db.Sql.AddTime(command, "start", start);
            db.Sql.AddTime(command, "end", end);
            var key = $"{head.TreeName}-{head.RepositoryUrl}-{head.Branch}";
            var rows = table[key] as JsonArray ?? [];
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new JsonObject
                {
                    ["git_commit_hash"] = reader.GetString(0),
                    ["tree_name"] = head.TreeName,
                    ["git_repository_branch"] = head.Branch,
                    ["git_repository_url"] = head.RepositoryUrl,
                    ["git_commit_tags"] = JsonSerializer.SerializeToNode(db.Sql.ReadStrings(reader, 2) ?? []),
                    ["git_commit_name"] = reader.IsDBNull(1) ? null : reader.GetString(1),
                    ["start_time"] = db.Sql.ReadTimeText(reader, 3),
                });
            }

            if (rows.Count > 0 && rows.Parent is null)
            {
                table[key] = rows;
            }
        }

        return table;
    }

    private static string Field(JsonObject head, int index, string name) =>
        head[name] is JsonValue v && v.TryGetValue(out string? text)
            ? text
            : throw new BadParameterException($"commitHeads[{index}].{name}", "must be a string");
}
