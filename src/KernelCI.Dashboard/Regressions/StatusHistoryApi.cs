using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Regressions;

/// <summary>`GET test/status-history` (kernelci/dashboard:backend/kernelCI_app/views/testStatusHistoryView.py): the last
/// runs of a test in its tree, and what they say (docs/dashboard-api.md, "Tree report, compare and status history").</summary>
internal static class StatusHistoryApi
{
    // Upstream's message; it answers it with 400 (create_api_error_response's default), and so do we.
    public const string NotFound = "Test status history not found";

    public static RouteGroupBuilder MapStatusHistory(this RouteGroupBuilder api)
    {
        api.MapGet("/test/status-history", GetAsync)
            .WithSummary("A test's last runs in its tree (path, config, platform) and their regression type");
        return api;
    }

    private static async Task<IResult> GetAsync(HttpRequest http, DashboardDb db, CancellationToken cancellationToken)
    {
        var request = StatusHistoryRequest.From(http.Query);
        var history = await StatusHistoryQuery.ReadAsync(db, request, cancellationToken);
        if (history.Count == 0)
        {
            return Replies.BadRequest(NotFound);
        }

        var type = RegressionClassifier.Classify(history.Select(h => (string?)h.Status).ToArray());
        return TypedResults.Json(new StatusHistoryResponse(history, type.Name()));
    }
}
