using System.Net;
using KernelCI.Host.Serve;
using KernelCI.Testing;
using Microsoft.Data.Sqlite;

namespace KernelCI.Host.Tests.Serve;

/// <summary>Token commands and a server on one data folder sign and check with the same secrets, whichever ran first.</summary>
public sealed class SecretSharingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-serve-secrets-").FullName;

    private string DataDirectory => Path.Combine(_root, "data");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pipeline_token_made_before_serve_is_accepted()
    {
        var token = await PipelineTokenAsync();
        var basePort = FreePort.BasePort();

        await using var deployment = await StartAsync(basePort);

        Assert.NotEqual(HttpStatusCode.Unauthorized, await JobRetryAsync(basePort, token));
    }

    [Fact]
    public async Task Pipeline_token_made_after_serve_started_is_accepted()
    {
        var basePort = FreePort.BasePort();
        await using var deployment = await StartAsync(basePort);

        var token = await PipelineTokenAsync();

        Assert.NotEqual(HttpStatusCode.Unauthorized, await JobRetryAsync(basePort, token));
        Assert.Equal(HttpStatusCode.Unauthorized, await JobRetryAsync(basePort, token[..^2] + "AA"));
    }

    [Fact]
    public async Task Storage_token_made_after_serve_started_is_accepted()
    {
        var basePort = FreePort.BasePort();
        await using var deployment = await StartAsync(basePort);

        var (exitCode, console) = await TestConsole.RunAsync("storage", "token", "lab@example.org", "--data-dir", DataDirectory);

        Assert.Equal(0, exitCode);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort + 4}/") };
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/checkauth");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + console.Out.ToString().Trim());
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(request, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Serve_makes_every_component_secret_at_start()
    {
        await using (await StartAsync(FreePort.BasePort(), ["storage"]))
        {
        }

        var secrets = await File.ReadAllTextAsync(Path.Combine(DataDirectory, "secrets.json"), Cancel);
        foreach (var name in Components.All().SelectMany(c => c.Secrets))
        {
            Assert.Contains($"\"{name}\"", secrets, StringComparison.Ordinal);
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private async Task<string> PipelineTokenAsync()
    {
        var (exitCode, console) = await TestConsole.RunAsync("pipeline", "token", "dev@example.org", "--permission", "testretry", "--data-dir", DataDirectory);
        Assert.Equal(0, exitCode);
        return console.Out.ToString().Trim();
    }

    private static async Task<HttpStatusCode> JobRetryAsync(int basePort, string token)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort + 2}/") };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/jobretry") { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", token);
        return (await http.SendAsync(request, Cancel)).StatusCode;
    }

    private async Task<RunningDeployment> StartAsync(int basePort, string[]? only = null)
    {
        // Only the timeout service: enough for the pipeline API, nothing that polls trees.
        Directory.CreateDirectory(_root);
        var config = Path.Combine(_root, "config.json");
        await File.WriteAllTextAsync(config, """{ "Pipeline": { "Services": ["timeout"] } }""", Cancel);
        var console = new TestConsole();
        var settings = new ServeSettings(DataDirectory, null, config, "127.0.0.1", basePort, only ?? ["maestro", "pipeline", "storage"]);
        return await new ServeHost(console).StartAsync(settings, Cancel);
    }
}
