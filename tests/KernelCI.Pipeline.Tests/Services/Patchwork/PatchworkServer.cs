using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Services.Patchwork;

/// <summary>A real Patchwork 3.1.3 (../shared/vendor/patchwork.sh: Debian's Django, SQLite) on the loopback, started
/// once for a test class (about 6 s warm, 20 s on a loaded machine). Its project `netdevbpf` takes mails whose List-Id
/// is netdev.vger.kernel.org; its admin, a maintainer of the project, has the API token <see cref="Token"/>.</summary>
public sealed class PatchworkServer : IAsyncLifetime
{
    public const string Project = "netdevbpf";
    public const string ListId = "netdev.vger.kernel.org";
    public const string Token = "0123456789abcdef0123456789abcdef01234567";

    private readonly string _directory = Directory.CreateTempSubdirectory("kernelci-patchwork-").FullName;
    private int _pid;

    public string Url { get; private set; } = "";

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask InitializeAsync()
    {
        var port = FreePort.BasePort();
        var script = Path.Combine(RepositoryPaths.VendorDirectory, "patchwork.sh");
        var run = await ProcessRun.RunAsync(script, [Path.Combine(_directory, "pw"), port.ToString(CultureInfo.InvariantCulture)],
            TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"patchwork.sh failed: {run}");
        }

        _pid = int.Parse(run.Output.Trim().Split('\n')[^1], CultureInfo.InvariantCulture);
        Url = $"http://127.0.0.1:{port}";
    }

    /// <summary>Loads the mails of <paramref name="mbox"/> (one `manage.py parsearchive`, about 1 s a mail).</summary>
    public async Task IngestAsync(string mbox)
    {
        var env = Path.Combine(_directory, "pw", "env.sh");
        var run = await ProcessRun.RunAsync("bash", ["-c", ". \"$1\" && /usr/bin/python3 \"$PW_SRC/manage.py\" parsearchive \"$2\"", "_", env, mbox],
            TimeSpan.FromMinutes(5));
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"parsearchive failed: {run}");
        }
    }

    /// <summary>A reply to a patch from <paramref name="from"/> (Patchwork files it as the patch's comment).</summary>
    public async Task CommentAsync(long patchId, string from, string body)
    {
        var patch = await Http.GetFromJsonAsync<JsonObject>($"{Url}/api/1.3/patches/{patchId}/");
        var msgid = patch!["msgid"]!.ToString();
        var mail = Path.Combine(_directory, $"comment-{Guid.NewGuid():N}.mbox");
        await File.WriteAllTextAsync(mail, $"""
            From nobody Mon Dec  7 07:00:00 2026
            From: Maintainer <{from}>
            To: netdev@vger.kernel.org
            Subject: Re: {patch["name"]}
            Date: Mon, 7 Dec 2026 07:00:00 +0000
            Message-Id: <{Guid.NewGuid():N}@example.com>
            In-Reply-To: {msgid}
            References: {msgid}
            List-Id: <{ListId}>

            {body}

            """);
        await IngestAsync(mail);
    }

    /// <summary>Every check of a patch, oldest first, as (context, state, description, target_url).</summary>
    public async Task<List<(string Context, string State, string Description, string? TargetUrl)>> ChecksAsync(long patchId)
    {
        var list = await Http.GetFromJsonAsync<JsonArray>($"{Url}/api/1.3/patches/{patchId}/checks/?per_page=250&order=date");
        return [.. list!.OfType<JsonObject>().Select(c => (c["context"]!.ToString(), c["state"]!.ToString(), c["description"]?.ToString() ?? "",
            c["target_url"]?.ToString()))];
    }

    /// <summary>The patch ids of the series whose name contains <paramref name="tag"/>.</summary>
    public async Task<(long Series, IReadOnlyList<long> Patches)> SeriesAsync(string tag)
    {
        var list = await Http.GetFromJsonAsync<JsonArray>($"{Url}/api/1.3/series/?per_page=250");
        var series = list!.OfType<JsonObject>().Single(s => s["name"]!.ToString().Contains(tag, StringComparison.Ordinal));
        return (series["id"]!.GetValue<long>(), [.. series["patches"]!.AsArray().Select(p => p!["id"]!.GetValue<long>())]);
    }

    public ValueTask DisposeAsync()
    {
        if (_pid > 0)
        {
            try
            {
                using var process = Process.GetProcessById(_pid);
                process.Kill();
                process.WaitForExit(5000);
            }
            catch (ArgumentException)
            {
            }
        }

        Http.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
