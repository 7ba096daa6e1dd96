using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Queries;

/// <summary>Filtered lists with keyset paging. Every page is an index range scan: the cursor condition starts with
/// `start_time &lt;= @t`, which the (filter, start_time DESC, id) indexes answer directly.</summary>
internal sealed class KcidbListQuery(Database database, QuerySql sql)
{
    public async Task<Page> ListAsync(ListRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var items = new List<JsonObject>();
        var wanted = request.Limit + 1;
        var cursor = request.Cursor;
        if (request.Spec.Order == ListOrder.ById)
        {
            await ReadAsync(connection, request, ById(request.Spec.Table, cursor), wanted, items, cancellationToken);
        }
        else if (cursor is { StartTime: null })
        {
            await ReadAsync(connection, request, "start_time IS NULL AND id > @cursor_id ORDER BY id", wanted, items, cancellationToken);
        }
        else
        {
            var range = cursor is null ? "" : "start_time <= @cursor_time AND (start_time < @cursor_time OR id > @cursor_id) ";
            var order = $"ORDER BY {sql.NewestFirst("start_time")}, id";
            await ReadAsync(connection, request, range + order, wanted, items, cancellationToken);

            // Objects without a start_time come after all others; a time range excludes them anyway.
            if (cursor is not null && items.Count < wanted && request.Since is null && request.Until is null)
            {
                await ReadAsync(connection, request with { Cursor = null }, "start_time IS NULL ORDER BY id", wanted - items.Count, items, cancellationToken);
            }
        }

        if (items.Count <= request.Limit)
        {
            return new Page(items, null);
        }

        items.RemoveAt(items.Count - 1);
        var last = items[^1];
        var next = new PageCursor((string?)last["start_time"], (string)last["id"]!, (long?)last["version"] ?? 0);
        return new Page(items, next.Encode());
    }

    private static string ById(KcidbTable table, PageCursor? cursor) =>
        (cursor, table.IsVersioned) switch
        {
            (null, _) => "ORDER BY " + string.Join(", ", table.Key),
            (_, true) => "(id > @cursor_id OR (id = @cursor_id AND version > @cursor_version)) ORDER BY id, version",
            _ => "id > @cursor_id ORDER BY id",
        };

    private async Task ReadAsync(DbConnection connection, ListRequest request, string tail, int limit,
        List<JsonObject> items, CancellationToken cancellationToken)
    {
        var table = request.Spec.Table;
        var text = new StringBuilder($"SELECT {ObjectJson.SelectList(sql, table, false)} FROM {table.Name} WHERE ");
        for (var i = 0; i < request.Filters.Count; i++)
        {
            var filter = request.Filters[i].Filter;
            text.Append(CultureInfo.InvariantCulture, $"{filter.Column} = {(filter.Allowed is null ? "@f" + i : sql.Enum("@f" + i))} AND ");
        }

        text.Append(request.Since is null ? "" : "start_time >= @since AND ");
        text.Append(request.Until is null ? "" : "start_time < @until AND ");
        text.Append(tail.StartsWith("ORDER", StringComparison.Ordinal) ? "TRUE " + tail : tail);
        text.Append(CultureInfo.InvariantCulture, $" LIMIT {limit}");
        await QueryRunner.ReadAsync(connection, text.ToString(), command => Bind(command, request),
            reader => items.Add(ObjectJson.Read(sql, table, reader, false)), cancellationToken);
    }

    private void Bind(DbCommand command, ListRequest request)
    {
        for (var i = 0; i < request.Filters.Count; i++)
        {
            command.AddParameter("f" + i, request.Filters[i].Value);
        }

        if (request.Since is { } since)
        {
            sql.AddTimestamp(command, "since", since);
        }

        if (request.Until is { } until)
        {
            sql.AddTimestamp(command, "until", until);
        }

        if (request.Cursor is { } cursor)
        {
            command.AddParameter("cursor_id", cursor.Id);
            command.AddParameter("cursor_version", cursor.Version);
            if (cursor.StartTime is not null)
            {
                sql.AddTimestamp(command, "cursor_time", KcidbTimestamp.Parse(cursor.StartTime));
            }
        }
    }
}
