using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Hardware;

/// <summary>The body every hardware details POST takes (kernelci/dashboard:
/// backend/kernelCI_app/typeModels/hardwareDetails.py, HardwareDetailsPostBody): `origin` (default maestro), the window
/// in seconds (strings or numbers), `selectedCommits` {tree index: hash or "head"} and `filter` {filter_*: …}.</summary>
internal sealed record HardwareDetailsRequest(
    string Origin, DateTimeOffset Start, DateTimeOffset End, IReadOnlyDictionary<string, string> SelectedCommits, FilterSet Filters)
{
    public const string DefaultOrigin = "maestro";

    private const int MaxBodyBytes = 1024 * 1024;

    private const int MaxSelectedCommits = 1000;

    private static readonly HashSet<string> Statuses = ["PASS", "FAIL", "ERROR", "SKIP", "MISS", "DONE", "NULL"];

    public static async Task<HardwareDetailsRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        Parse(await ReadBodyAsync(request, cancellationToken));

    /// <summary>The body as a JSON object, at most 1 MiB.</summary>
    public static async Task<JsonObject> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new BadParameterException("body", $"larger than {MaxBodyBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        catch (JsonException e)
        {
            throw new BadParameterException("body", "not valid JSON: " + e.Message);
        }

        return node as JsonObject ?? throw new BadParameterException("body", "must be a JSON object");
    }

    public static HardwareDetailsRequest Parse(JsonObject body)
    {
        var origin = body["origin"] switch
        {
            null => DefaultOrigin,
            JsonValue v when v.TryGetValue(out string? text) => text.Length == 0 ? DefaultOrigin : text,
            _ => throw new BadParameterException("origin", "must be a string"),
        };
        var start = Seconds(body, "startTimestampInSeconds");
        var end = Seconds(body, "endTimestampInSeconds");
        if (end < start)
        {
            throw new BadParameterException("endTimestampInSeconds", "must not be before startTimestampInSeconds");
        }

        var filters = body["filter"] switch
        {
            null => FilterParser.FromBody(null),
            JsonObject f => FilterParser.FromBody(f),
            _ => throw new BadParameterException("filter", "must be an object of filter_* keys"),
        };
        CheckStatuses(filters.BuildStatus, "filter_build.status");
        CheckStatuses(filters.BootStatus, "filter_boot.status");
        CheckStatuses(filters.TestStatus, "filter_test.status");
        return new HardwareDetailsRequest(origin, start, end, ReadSelectedCommits(body["selectedCommits"]), filters);
    }

    private static DateTimeOffset Seconds(JsonObject body, string name)
    {
        var text = body[name] switch
        {
            null => throw new BadParameterException(name, "is required"),
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonValue v when v.TryGetValue(out double d) => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new BadParameterException(name, "must be a number of seconds, or a string of one"),
        };
        return QueryValues.ParseSeconds(name, text) ?? throw new BadParameterException(name, "is required");
    }

    private static Dictionary<string, string> ReadSelectedCommits(JsonNode? node)
    {
        // Upstream requires the key; kci-dev always sends {}, and a missing one means the same.
        if (node is null)
        {
            return [];
        }

        if (node is not JsonObject selected)
        {
            throw new BadParameterException("selectedCommits", "must be an object of tree index to commit hash or \"head\"");
        }

        if (selected.Count > MaxSelectedCommits)
        {
            throw new BadParameterException("selectedCommits", $"at most {MaxSelectedCommits} trees");
        }

        var commits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (index, value) in selected)
        {
            commits[index] = value is JsonValue v && v.TryGetValue(out string? hash)
                ? hash
                : throw new BadParameterException("selectedCommits." + index, "must be a commit hash or \"head\"");
        }

        return commits;
    }

    // Upstream answers an unknown status with 400 "Invalid filters" (views/hardwareDetailsSummaryView.py).
    private static void CheckStatuses(HashSet<string> statuses, string parameter)
    {
        if (statuses.FirstOrDefault(s => !Statuses.Contains(s)) is { } bad)
        {
            throw new BadParameterException("filter." + parameter, $"unknown status `{bad}`; known: {string.Join(", ", Statuses)}");
        }
    }
}
