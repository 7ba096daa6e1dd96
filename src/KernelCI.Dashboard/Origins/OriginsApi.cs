using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Origins;

/// <summary>`origins/`: the origins of the checkouts that started in the last `interval_in_days` (30) days and of
/// those checkouts' tests. Upstream hard-codes its test origins because finding them scanned every test
/// (kernelci/dashboard: backend/kernelCI_app/views/originsView.py); here they come from dash_build_tests
/// (<see cref="OriginsQuery"/>; docs/dashboard-api.md, "Origins").</summary>
internal static class OriginsApi
{
    public static RouteGroupBuilder MapOrigins(this RouteGroupBuilder api)
    {
        api.MapGet("/origins", GetAsync).WithSummary("Checkout and test origins seen in the last days");
        return api;
    }

    private static async Task<IResult> GetAsync(HttpContext http, DashboardDb db, TimeProvider time, CancellationToken cancellationToken)
    {
        var days = QueryValues.Int(http.Request.Query, "interval_in_days", 30, 1, 36_500);
        return TypedResults.Ok(await OriginsQuery.ReadAsync(db, time.GetUtcNow().AddDays(-days), cancellationToken));
    }
}
