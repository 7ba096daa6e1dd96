using System.Globalization;
using KernelCI.Data;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>Which pull-lab jobs are taken, in the deployment's database (SQLite or PostgreSQL).</summary>
internal sealed class PullClaimStore(Database database, TimeProvider time)
{
    /// <summary>Takes <paramref name="nodeId"/> for <paramref name="worker"/> of <paramref name="lab"/>; false when
    /// another claim has it already. One INSERT: the primary key decides between concurrent claims.</summary>
    public async Task<bool> TryClaimAsync(string nodeId, string lab, string worker, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO pipeline_pull_claims (node_id, lab, worker, claimed) VALUES (@n, @l, @w, @c)
            ON CONFLICT (node_id) DO NOTHING RETURNING node_id
            """;
        command.AddParameter("n", nodeId);
        command.AddParameter("l", lab);
        command.AddParameter("w", worker);
        command.AddParameter("c", time.GetUtcNow().UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Those of <paramref name="nodeIds"/> that are claimed.</summary>
    public async Task<HashSet<string>> ClaimedAsync(IReadOnlyList<string> nodeIds, CancellationToken cancellationToken)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        if (nodeIds.Count == 0)
        {
            return claimed;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var names = nodeIds.Select((id, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        command.CommandText = $"SELECT node_id FROM pipeline_pull_claims WHERE node_id IN ({string.Join(", ", names)})";
        for (var i = 0; i < nodeIds.Count; i++)
        {
            command.AddParameter(names[i][1..], nodeIds[i]);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(reader.GetString(0));
        }

        return claimed;
    }
}
