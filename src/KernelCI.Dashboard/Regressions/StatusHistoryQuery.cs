using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Data;

namespace KernelCI.Dashboard.Regressions;

/// <summary>The runs of one test in one tree, newest first (kernelci/dashboard:backend/kernelCI_app/queries/test.py,
/// get_test_status_history). With a start time it walks the tests (path, start_time DESC) index from that time back and
/// joins each run's build and checkout, stopping after group_size matches.</summary>
internal static class StatusHistoryQuery
{
    public static async Task<IReadOnlyList<StatusHistoryItem>> ReadAsync(DashboardDb db, StatusHistoryRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var platform = db.Sql.JsonText("t.environment_misc", "platform");
        string time;
        string order;
        if (request.CurrentTestStartTime is { } start)
        {
            db.Sql.AddTime(command, "start", start);
            time = "AND t.start_time <= @start";
            order = db.Kcidb.NewestFirst("t.start_time");
        }
        else if (request.FieldTimestamp is { } stamp)
        {
            db.Sql.AddTime(command, "stamp", stamp);
            time = "AND t._timestamp <= @stamp";
            order = db.Kcidb.NewestFirst("t._timestamp");
        }
        else
        {
            // Upstream matches only runs without any time here, which finds nothing useful; the newest runs are.
            time = "";
            order = db.Kcidb.NewestFirst("t.start_time");
        }

        command.CommandText = $"""
            SELECT t.start_time, t.id, {db.Sql.Status("t.status")}, c.git_commit_hash
            FROM tests t
            JOIN builds b ON b.id = t.build_id
            JOIN checkouts c ON c.id = b.checkout_id
            WHERE t.path = @path
              AND c.origin = @origin
              AND c.git_repository_url = @url
              AND c.git_repository_branch = @branch
              AND b.config_name = @config
              AND {(request.Platform is null ? $"{platform} IS NULL" : $"{platform} = @platform")}
              {time}
            ORDER BY {order}, t.id
            LIMIT @limit
            """;
        command.AddParameter("path", request.Path);
        command.AddParameter("origin", request.Origin);
        command.AddParameter("url", request.GitRepositoryUrl);
        command.AddParameter("branch", request.GitRepositoryBranch);
        command.AddParameter("config", request.ConfigName);
        command.AddParameter("limit", request.GroupSize);
        if (request.Platform is not null)
        {
            command.AddParameter("platform", request.Platform);
        }

        var items = new List<StatusHistoryItem>();
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new StatusHistoryItem(
                db.Sql.ReadTimeText(reader, 0),
                reader.GetString(1),
                reader.IsDBNull(2) ? "NULL" : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return items;
    }
}
