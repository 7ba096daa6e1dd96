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
            var (after, byKey) = ById(request.Spec.Table, cursor);
            await ReadAsync(connection, request, after, byKey, wanted, items, cancellationToken);
        }
        else if (cursor is { StartTime: null })
        {
            await ReadAsync(connection, request, "start_time IS NULL AND id > @cursor_id", "id", wanted, items, cancellationToken);
        }
        else
        {
            var after = cursor is null ? "TRUE" : "start_time <= @cursor_time AND (start_time < @cursor_time OR id > @cursor_id)";
            await ReadAsync(connection, request, after, $"{sql.NewestFirst("start_time")}, id", wanted, items, cancellationToken);

            // Objects without a start_time come after all others; a time range excludes them anyway.
            if (cursor is not null && items.Count < wanted && request.Since is null && request.Until is null)
            {
                await ReadAsync(connection, request with { Cursor = null }, "start_time IS NULL", "id", wanted - items.Count, items, cancellationToken);
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

    private static (string After, string Order) ById(KcidbTable table, PageCursor? cursor) =>
        (cursor, table.IsVersioned) switch
        {
            (null, _) => ("TRUE", string.Join(", ", table.Key)),
            (_, true) => ("(id > @cursor_id OR (id = @cursor_id AND version > @cursor_version))", "id, version"),
            _ => ("id > @cursor_id", "id"),
        };

    private async Task ReadAsync(DbConnection connection, ListRequest request, string after, string order, int limit,
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
        text.Append(CultureInfo.InvariantCulture, $"{after} ORDER BY {order} LIMIT {limit}");
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
