using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Data;

namespace KernelCI.Dashboard.Origins;

/// <summary>The origins seen since a time: of checkouts, and of those checkouts' tests (from dash_build_tests, reached
/// from the window's checkouts and their builds through indexes). Read by `origins/` and the tree listing page.</summary>
internal static class OriginsQuery
{
    public static async Task<OriginsResponse> ReadAsync(DashboardDb db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return new OriginsResponse(await CheckoutOriginsAsync(db, connection, since, cancellationToken),
            // CROSS JOIN keeps SQLite's join order (window's checkouts, their builds, then the aggregate by build id);
            // without statistics it may otherwise scan dash_build_tests whole.
            await ListAsync(db, connection, """
                SELECT DISTINCT r.origin FROM checkouts c
                CROSS JOIN builds b
                CROSS JOIN dash_build_tests r
                WHERE c.start_time >= @since AND b.checkout_id = c.id AND r.build_id = b.id
                """, since, cancellationToken));
    }

    public static async Task<IReadOnlyList<string>> CheckoutOriginsAsync(DashboardDb db, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        return await CheckoutOriginsAsync(db, connection, since, cancellationToken);
    }

    private static Task<IReadOnlyList<string>> CheckoutOriginsAsync(DashboardDb db, DbConnection connection, DateTimeOffset since,
        CancellationToken cancellationToken) =>
        ListAsync(db, connection, "SELECT DISTINCT c.origin FROM checkouts c WHERE c.start_time >= @since", since, cancellationToken);

    private static async Task<IReadOnlyList<string>> ListAsync(DashboardDb db, DbConnection connection, string sql, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql + " ORDER BY 1";
        db.Sql.AddTime(command, "since", since);
        var origins = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            origins.Add(reader.GetString(0));
        }

        return origins;
    }
}
