using System.Data.Common;
using System.Globalization;
using KernelCI.Data;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>Which pull-lab jobs are taken, in the deployment's database (SQLite or PostgreSQL), and until when
/// (docs/labs.md, "Leases and re-claims"). A lease that ran out is not swept by any loop: the SQL of the next claim
/// sees it, as <c>lease_until &lt;= now</c> with now from <see cref="TimeProvider"/>. Times are fixed-width UTC text,
/// so they compare as text on both databases.</summary>
internal sealed class PullClaimStore(Database database, TimeProvider time)
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string Columns = "node_id, lab, worker, claimed, lease_until, lease_s, claims, ended, ended_by";

    /// <summary>Takes <paramref name="nodeId"/> for <paramref name="worker"/> of <paramref name="lab"/> for
    /// <paramref name="lease"/>: a job never claimed, or one whose lease ran out without a result and that was claimed
    /// fewer than <paramref name="maxClaims"/> times. One statement: the primary key decides between concurrent first
    /// claims, and the upsert's condition (checked again on the latest row by PostgreSQL) between re-claims. Returns
    /// how many times the job has now been claimed, or null when it cannot be.</summary>
    public async Task<int?> TryClaimAsync(string nodeId, string lab, string worker, TimeSpan lease, int maxClaims, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO pipeline_pull_claims (node_id, lab, worker, claimed, lease_until, lease_s, claims)
            VALUES (@n, @l, @w, @now, @until, @s, 1)
            ON CONFLICT (node_id) DO UPDATE SET worker = excluded.worker, claimed = excluded.claimed,
                lease_until = excluded.lease_until, lease_s = excluded.lease_s, claims = pipeline_pull_claims.claims + 1
            WHERE pipeline_pull_claims.lab = excluded.lab AND pipeline_pull_claims.ended IS NULL
              AND pipeline_pull_claims.lease_until <= @now AND pipeline_pull_claims.claims < @max
            RETURNING claims
            """;
        command.AddParameter("n", nodeId);
        command.AddParameter("l", lab);
        command.AddParameter("w", worker);
        command.AddParameter("now", Stamp(now));
        command.AddParameter("until", Stamp(now + lease));
        command.AddParameter("s", (long)lease.TotalSeconds);
        command.AddParameter("max", maxClaims);
        return await command.ExecuteScalarAsync(cancellationToken) is { } claims and not DBNull
            ? System.Convert.ToInt32(claims, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Those of <paramref name="nodeIds"/> that cannot be claimed now: held under a running lease, ended, or
    /// claimed <paramref name="maxClaims"/> times already.</summary>
    public async Task<HashSet<string>> HeldAsync(IReadOnlyList<string> nodeIds, int maxClaims, CancellationToken cancellationToken)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (nodeIds.Count == 0)
        {
            return held;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT node_id FROM pipeline_pull_claims WHERE node_id IN ({In(command, nodeIds)})
              AND (ended IS NOT NULL OR lease_until > @now OR claims >= @max)
            """;
        command.AddParameter("now", Stamp(time.GetUtcNow()));
        command.AddParameter("max", maxClaims);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            held.Add(reader.GetString(0));
        }

        return held;
    }

    public async Task<PullClaim?> GetAsync(string nodeId, CancellationToken cancellationToken)
    {
        var claims = await QueryAsync($"SELECT {Columns} FROM pipeline_pull_claims WHERE node_id = @n", cancellationToken, ("n", nodeId));
        return claims.Count == 0 ? null : claims[0];
    }

    /// <summary>Claims that have not ended, of every lab (the lease timers are armed from them at start), or of one.</summary>
    public Task<List<PullClaim>> OpenAsync(string? lab, CancellationToken cancellationToken) => lab is null
        ? QueryAsync($"SELECT {Columns} FROM pipeline_pull_claims WHERE ended IS NULL", cancellationToken)
        : QueryAsync($"SELECT {Columns} FROM pipeline_pull_claims WHERE lab = @l AND ended IS NULL", cancellationToken, ("l", lab));

    /// <summary>Pushes the lease of <paramref name="worker"/>'s claim on <paramref name="nodeId"/> one lease length
    /// ahead; null when that worker no longer holds it (its lease ran out, another worker took the job, or it ended).</summary>
    public async Task<PullClaim?> RenewAsync(string nodeId, string worker, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // lease_s is whole seconds: the new end is computed here, not in SQL, to stay one statement on both databases.
        if (await GetAsync(nodeId, cancellationToken) is not { } claim)
        {
            return null;
        }

        var until = now + claim.Lease;
        var renewed = await database.ExecuteAsync("""
            UPDATE pipeline_pull_claims SET lease_until = @until
            WHERE node_id = @n AND worker = @w AND claims = @c AND ended IS NULL AND lease_until > @now
            """, cancellationToken, ("n", nodeId), ("w", worker), ("c", claim.Claims), ("now", Stamp(now)), ("until", Stamp(until)));
        return renewed == 1 ? claim with { LeaseUntil = until } : null;
    }

    /// <summary>Ends the claim on <paramref name="nodeId"/> because the lab reported its result; null when there is no
    /// open claim (never claimed, or already ended by its last lease).</summary>
    public async Task<PullClaim?> ReportedAsync(string nodeId, CancellationToken cancellationToken)
    {
        var ended = await QueryAsync($"""
            UPDATE pipeline_pull_claims SET ended = @now, ended_by = 'result' WHERE node_id = @n AND ended IS NULL
            RETURNING {Columns}
            """, cancellationToken, ("n", nodeId), ("now", Stamp(time.GetUtcNow())));
        return ended.Count == 0 ? null : ended[0];
    }

    /// <summary>Ends the claim on <paramref name="nodeId"/> when its last lease has run out with no result; true for
    /// the one caller that ended it, which then finishes the node.</summary>
    public async Task<bool> AbandonAsync(string nodeId, int maxClaims, CancellationToken cancellationToken)
    {
        var now = Stamp(time.GetUtcNow());
        return await database.ExecuteAsync("""
            UPDATE pipeline_pull_claims SET ended = @now, ended_by = 'lease'
            WHERE node_id = @n AND ended IS NULL AND lease_until <= @now AND claims >= @max
            """, cancellationToken, ("n", nodeId), ("now", now), ("max", maxClaims)) == 1;
    }

    /// <summary>Records that <paramref name="worker"/> of <paramref name="lab"/> was seen now (a claim request, a
    /// lease renewed, a result).</summary>
    public Task SeenAsync(string lab, string worker, CancellationToken cancellationToken) =>
        database.ExecuteAsync("""
            INSERT INTO pipeline_pull_workers (lab, worker, seen) VALUES (@l, @w, @now)
            ON CONFLICT (lab, worker) DO UPDATE SET seen = excluded.seen
            """, cancellationToken, ("l", lab), ("w", worker), ("now", Stamp(time.GetUtcNow())));

    /// <summary>The lab's workers, the most recently seen first.</summary>
    public async Task<List<PullWorkerSeen>> WorkersAsync(string lab, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT worker, seen FROM pipeline_pull_workers WHERE lab = @l ORDER BY seen DESC, worker";
        command.AddParameter("l", lab);
        var workers = new List<PullWorkerSeen>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            workers.Add(new PullWorkerSeen(reader.GetString(0), Parse(reader.GetString(1))));
        }

        return workers;
    }

    private async Task<List<PullClaim>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        var claims = new List<PullClaim>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            claims.Add(new PullClaim(reader.GetString(0), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3)),
                Parse(reader.GetString(4)), TimeSpan.FromSeconds(System.Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture)),
                System.Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                reader.IsDBNull(7) ? null : Parse(reader.GetString(7)), reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return claims;
    }

    private static string In(DbCommand command, IReadOnlyList<string> ids)
    {
        var names = new List<string>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var name = "p" + i.ToString(CultureInfo.InvariantCulture);
            command.AddParameter(name, ids[i]);
            names.Add("@" + name);
        }

        return string.Join(", ", names);
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
