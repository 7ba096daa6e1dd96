using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using KernelCI.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Origins;

/// <summary>`origins/`: the origins of the checkouts that started in the last `interval_in_days` (30) days and of
/// those checkouts' tests. Upstream hard-codes its test origins because finding them scanned every test
/// (kernelci/dashboard: backend/kernelCI_app/views/originsView.py); here they come from dash_build_tests, reached
/// from the window's checkouts and their builds through indexes (docs/dashboard-api.md, "Origins").</summary>
internal static class OriginsApi
{
    public static RouteGroupBuilder MapOrigins(this RouteGroupBuilder api)
    {
        api.MapGet("/origins", GetAsync).WithSummary("Checkout and test origins seen in the last days");
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext http, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        // CROSS JOIN keeps SQLite's join order (window's checkouts, their builds, then the aggregate by build id);
        // without statistics it may otherwise scan dash_build_tests whole.
        var days = QueryValues.Int(http.Request.Query, "interval_in_days", 30, 1, 36_500);
        var since = time.GetUtcNow().AddDays(-days);
        await using var connection = await db.OpenAsync(cancellationToken);
        return TypedResults.Ok(new OriginsResponse(
            await ReadAsync(db, connection, "SELECT DISTINCT c.origin FROM checkouts c WHERE c.start_time >= @since", since, cancellationToken),
            await ReadAsync(db, connection, """
                SELECT DISTINCT r.origin FROM checkouts c
                CROSS JOIN builds b
                CROSS JOIN dash_build_tests r
                WHERE c.start_time >= @since AND b.checkout_id = c.id AND r.build_id = b.id
                """, since, cancellationToken)));
    }

    private static async Task<IReadOnlyList<string>> ReadAsync(DashboardDb db, System.Data.Common.DbConnection connection, string sql, DateTimeOffset since,
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
