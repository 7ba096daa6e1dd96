using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Testing;

namespace KernelCI.Bench.Patchwork;

/// <summary>The benchmark's real Patchwork (../shared/vendor/patchwork.sh): series loaded with `manage.py
/// parsearchive`, and every time read from its own clock (event and check dates; Patchwork stores naive UTC).</summary>
internal sealed class PatchworkSite(string url, string environmentFile) : IDisposable
{
    public const string Token = "0123456789abcdef0123456789abcdef01234567";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public string Url => url;

    /// <summary>Starts Patchwork in <paramref name="directory"/>; returns it and its server's process id.</summary>
    public static async Task<(PatchworkSite Site, int Pid)> StartAsync(string directory)
    {
        var port = FreePort.BasePort();
        var run = await ProcessRun.RunAsync(Path.Combine(RepositoryPaths.VendorDirectory, "patchwork.sh"),
            [directory, port.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0)
        {
            throw new BenchFailure($"patchwork.sh failed: {run}");
        }

        var pid = int.Parse(run.Output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
        return (new PatchworkSite($"http://127.0.0.1:{port}", Path.Combine(directory, "env.sh")), pid);
    }

    public async Task IngestAsync(string mbox)
    {
        var run = await ProcessRun.RunAsync("bash", ["-c", ". \"$1\" && /usr/bin/python3 \"$PW_SRC/manage.py\" parsearchive \"$2\"", "_", environmentFile, mbox],
            TimeSpan.FromMinutes(30));
        if (run.ExitCode != 0)
        {
            throw new BenchFailure($"parsearchive failed: {run}");
        }
    }

    /// <summary>Patchwork's clock now: the date of the last event it wrote.</summary>
    public async Task<DateTime> NowAsync(CancellationToken cancellationToken)
    {
        var events = await _http.GetFromJsonAsync<JsonArray>($"{url}/api/1.3/events/?order=-date&per_page=1", cancellationToken);
        return events is [JsonObject e, ..] ? Parse(e["date"]!.ToString()) : DateTime.UtcNow;
    }

    /// <summary>Waits until <paramref name="count"/> series whose name contains <paramref name="tag"/> have a final
    /// check in every one of <paramref name="contexts"/> on their first patch, and reads their times: the final time is
    /// the last context's first final check.</summary>
    public async Task<List<SeriesTimes>> WaitForFinalsAsync(string tag, int count, IReadOnlyList<string> contexts, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var done = new Dictionary<long, SeriesTimes>();
        var events = new Dictionary<long, DateTime>();
        while (await timer.WaitForNextTickAsync(deadline.Token))
        {
            foreach (var e in await PagesAsync($"{url}/api/1.3/events/?category=series-completed&per_page=250", deadline.Token))
            {
                events[e["payload"]!["series"]!["id"]!.GetValue<long>()] = Parse(e["date"]!.ToString());
            }

            var series = (await PagesAsync($"{url}/api/1.3/series/?per_page=250", deadline.Token))
                .Where(s => s["name"]!.ToString().Contains(tag, StringComparison.Ordinal)).ToList();
            foreach (var s in series.Where(s => !done.ContainsKey(s["id"]!.GetValue<long>())))
            {
                var id = s["id"]!.GetValue<long>();
                var patch = s["patches"]![0]!["id"]!.GetValue<long>();
                var checks = (await _http.GetFromJsonAsync<JsonArray>($"{url}/api/1.3/patches/{patch}/checks/?per_page=100", deadline.Token))!
                    .OfType<JsonObject>().ToList();
                var pending = checks.Where(c => c["state"]!.ToString() == "pending").Select(c => Parse(c["date"]!.ToString())).Order().ToList();
                var finals = contexts.Select(context => checks.Where(c => c["context"]!.ToString() == context && c["state"]!.ToString() != "pending")
                    .Select(c => (DateTime?)Parse(c["date"]!.ToString())).Min()).ToList();
                if (pending.Count > 0 && finals.All(f => f is not null) && events.TryGetValue(id, out var at))
                {
                    var states = string.Join(", ", contexts.Select(context => $"{context} {checks.First(c => c["context"]!.ToString() == context && c["state"]!.ToString() != "pending")["state"]}"));
                    done[id] = new SeriesTimes(id, s["name"]!.ToString(), at, pending[0], finals.Max()!.Value, states);
                }
            }

            if (done.Count >= count)
            {
                return [.. done.Values];
            }
        }

        throw new BenchFailure($"only {done.Count} of {count} series '{tag}' got their final checks in {timeout}");
    }

    private async Task<List<JsonObject>> PagesAsync(string address, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        for (var page = 1; page < 100; page++)
        {
            using var response = await _http.GetAsync($"{address}&page={page}", cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                break;
            }

            response.EnsureSuccessStatusCode();
            var list = await response.Content.ReadFromJsonAsync<JsonArray>(cancellationToken);
            items.AddRange(list!.OfType<JsonObject>());
            if (list!.Count < 250)
            {
                break;
            }
        }

        return items;
    }

    private static DateTime Parse(string date) =>
        DateTime.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public void Dispose() => _http.Dispose();
}
