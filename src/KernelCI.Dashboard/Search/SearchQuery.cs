using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Data;

namespace KernelCI.Dashboard.Search;

/// <summary>One connection's lookups for one search, each an index seek or a bounded range scan.</summary>
internal sealed class SearchQuery(DashboardDb db, DbConnection connection, DashboardLinks links, int limit)
{
    public DashboardDb Db { get; } = db;

    public DashboardLinks Links { get; } = links;

    public int Limit { get; } = limit;

    public async Task<List<SearchHit>> ReadAsync(string sql, Action<DbCommand> parameters, Func<DbDataReader, SearchHit?> hit,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("limit", Limit);
        parameters(command);
        var hits = new List<SearchHit>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (hit(reader) is { } found)
            {
                hits.Add(found);
            }
        }

        return hits;
    }

    public async Task<List<string>> ReadTextsAsync(string sql, Action<DbCommand> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.AddParameter("limit", Limit);
        parameters(command);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    public static void Range(DbCommand command, Prefix prefix)
    {
        command.AddParameter("from", prefix.From);
        command.AddParameter("until", prefix.Until);
    }

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>The rank of a match on an identifier (id, hash) or on a name (tag, describe, tree, path).</summary>
    public static (int Rank, string Match) Rank(bool identifier, string value, string query) =>
        string.Equals(value, query, StringComparison.Ordinal)
            ? (identifier ? 0 : 2, "exact")
            : (identifier ? 1 : 3, "prefix");
}
