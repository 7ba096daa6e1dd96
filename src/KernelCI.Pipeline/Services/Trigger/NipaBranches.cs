using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Services.Trigger;

/// <summary>NIPA's branch lists (docs/integrations.md, "NIPA"): a build_config whose branch is an http(s) URL names a
/// JSON array of `{branch, date, base, url}`, and the branch to poll is the one with the newest date
/// (kernelci/kernelci-pipeline:src/trigger.py, `_run_trigger`). As upstream's `validate_url`, the list must answer a
/// HEAD first. The entries' own `url` is ignored: the head is resolved on the tree's URL.</summary>
internal sealed partial class NipaBranches(HttpClient http)
{
    /// <summary>NIPA's lists are a few KiB (pw_brancher keeps 5 days of branches); anything far bigger is not one.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    public static bool IsNipa(string branch) =>
        branch.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || branch.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public async Task<string> NewestAsync(string url, CancellationToken cancellationToken)
    {
        var json = await FetchAsync(url, cancellationToken);
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new NipaBranchListException($"NIPA branch list {url}: not JSON ({e.Message})", e);
        }

        if (parsed is not JsonArray entries)
        {
            throw new NipaBranchListException($"NIPA branch list {url}: not a JSON array");
        }

        // Entries without a branch name git accepts or a readable date are passed over; the newest usable one wins.
        var newest = entries.OfType<JsonObject>()
            .Select(e => (Branch: Text(e["branch"]), Date: Date(Text(e["date"]))))
            .Where(e => e.Branch is { } b && BranchName().IsMatch(b) && !b.Contains("..", StringComparison.Ordinal) && e.Date is not null)
            .OrderByDescending(e => e.Date)
            .FirstOrDefault();
        return newest.Branch ?? throw new NipaBranchListException($"NIPA branch list {url}: no entry with a valid branch and date");
    }

    private async Task<string> FetchAsync(string url, CancellationToken cancellationToken)
    {
        try
        {
            using (var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url), cancellationToken))
            {
                // A server that refuses HEAD outright still gets its GET; any other failure is upstream's validate_url failing.
                if (!head.IsSuccessStatusCode && head.StatusCode != HttpStatusCode.MethodNotAllowed)
                {
                    throw new NipaBranchListException($"NIPA branch list {url}: HEAD answered {(int)head.StatusCode}");
                }
            }

            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new NipaBranchListException($"NIPA branch list {url}: GET answered {(int)response.StatusCode}");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                throw new NipaBranchListException($"NIPA branch list {url}: larger than {MaxBytes} bytes");
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    throw new NipaBranchListException($"NIPA branch list {url}: larger than {MaxBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (HttpRequestException e)
        {
            throw new NipaBranchListException($"NIPA branch list {url}: {e.Message}", e);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static DateTimeOffset? Date(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;

    // What pw_brancher names branches with (`net-next-2026-08-20--15-00`), and nothing git or a shell would read as an option.
    [GeneratedRegex("^[A-Za-z0-9_][A-Za-z0-9._/+-]{0,199}$")]
    private static partial Regex BranchName();
}
