using System.Text.Json;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Kcidb.Regressions;
using Microsoft.Extensions.Logging;

namespace KernelCI.Notifications.Reports;

/// <summary>Reads the first failing result and its parents from KCIDB's query API (`/api/query?…&amp;parents`): the
/// repository, the commit's name and the log. A result KCIDB cannot give makes a report without them, never none.</summary>
internal sealed class FailureDetailsReader(KcidbClient kcidb, ILogger<FailureDetailsReader> logger) : IFailureDetails
{
    public async Task<FailureDetails> ReadAsync(KcidbRegression regression, CancellationToken cancellationToken)
    {
        var id = regression.FirstBadResult;
        try
        {
            var query = regression.Kind == "build" ? new KcidbQuery { Builds = [id], Parents = true } : new KcidbQuery { Tests = [id], Parents = true };
            using var document = await kcidb.QueryAsync(query, cancellationToken);
            var root = document.RootElement;
            var result = First(root, regression.Kind == "build" ? "builds" : "tests");
            var checkout = First(root, "checkouts");
            return new FailureDetails(Text(checkout, "git_repository_url"), Text(checkout, "git_commit_name"),
                Text(result, "log_url"), Text(result, "log_excerpt"));
        }
        catch (Exception e) when (e is KcidbClientException or HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            NotificationsLog.DetailsMissing(logger, id, e.Message);
            return FailureDetails.None;
        }
    }

    private static JsonElement? First(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 ? list[0] : null;

    private static string? Text(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
