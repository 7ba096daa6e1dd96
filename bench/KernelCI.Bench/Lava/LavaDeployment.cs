using System.Text.Json.Nodes;
using KernelCI.Bench.Pipeline;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Host.Serve;
using KernelCI.Pipeline;
using KernelCI.ServiceDefaults;

namespace KernelCI.Bench.Lava;

/// <summary>The whole system in this process, as `serve` runs it, on SQLite in the data folder or on the given
/// PostgreSQL database, with the lab's tokens in the data folder's secrets.json under the names the runtime entry
/// gives by default (docs/labs.md, the tokens).</summary>
internal sealed class LavaDeployment : IAsyncDisposable
{
    public const string Lab = "lava-bench";

    private readonly RunningDeployment _running;

    private readonly string _storageToken;

    private LavaDeployment(RunningDeployment running, string maestroToken, string storageToken)
    {
        _storageToken = storageToken;
        _running = running;
        var peers = running.Deployment;
        Maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri(peers.UrlOf("maestro"), "latest/"), Timeout = TimeSpan.FromMinutes(2) }, maestroToken);
        Kcidb = new KcidbClient(new HttpClient { BaseAddress = peers.UrlOf("kcidb") }, "none");
        PipelineUrl = peers.UrlOf("pipeline");
        StorageUrl = peers.UrlOf("storage");
    }

    public MaestroClient Maestro { get; }

    public KcidbClient Kcidb { get; }

    /// <summary>The pipeline API's listener, where LAVA posts its callbacks (`/node/{id}`).</summary>
    public Uri PipelineUrl { get; }

    public Uri StorageUrl { get; }

    /// <summary>Port the deployment will listen on for the pipeline API, known before it starts (the callback URL
    /// in the settings needs it).</summary>
    public static int PipelinePort(int basePort) => basePort + 2;

    public static async Task<LavaDeployment> StartAsync(string root, int basePort, string? database, string configDirectory,
        IReadOnlyDictionary<string, string> secrets, string settingsJson, CancellationToken cancellationToken,
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? pipelineServices = null)
    {
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        var secretsFile = new JsonObject();
        foreach (var (name, value) in secrets)
        {
            secretsFile[name] = value;
        }

        var secretsPath = Path.Combine(data, "secrets.json");
        File.WriteAllText(secretsPath, secretsFile.ToJsonString());
        File.SetUnixFileMode(secretsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var settingsFile = Path.Combine(root, "settings.json");
        await File.WriteAllTextAsync(settingsFile, settingsJson, cancellationToken);
        var settings = new ServeSettings(data, database, settingsFile, "127.0.0.1", basePort, [], configDirectory);
        var running = await new ServeHost(new QuietConsole(), Components.All(pipelineServices)).StartAsync(settings, cancellationToken);
        var account = new ServiceAccount(PipelinePeers.ServiceUser, new PipelineOptions().Origin);
        return new LavaDeployment(running, await running.Deployment.IssueCredentialAsync("maestro", account, cancellationToken),
            await running.Deployment.IssueCredentialAsync("storage", account, cancellationToken));
    }

    /// <summary>Uploads <paramref name="file"/> as the pipeline's kbuilds upload their outputs; its public URL.</summary>
    public async Task<Uri> UploadAsync(string folder, string file, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = StorageUrl };
        var storage = new KernelCI.Client.Storage.StorageClient(http, _storageToken);
        await storage.UploadFilesAsync(folder, [file], cancellationToken);
        return new Uri(StorageUrl, $"{folder}/{Path.GetFileName(file)}");
    }

    public ValueTask DisposeAsync() => _running.DisposeAsync();
}
