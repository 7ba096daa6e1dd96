using System.Text.Json;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.Pipeline;

/// <summary>The real loop, run once for all the assertions of <see cref="PipelineLoopTests"/>: a real `kernelci serve`
/// on the embedded default polls a tree made from Debian's linux-source-6.1; its first commit is checked out,
/// built (tinyconfig + the qemu-serial fragment), booted and tested on QEMU and reported to KCIDB; then a second commit
/// that breaks the build is pushed.</summary>
public sealed class LoopRun : IAsyncLifetime
{
    private static readonly TimeSpan FirstCommitBudget = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan SecondCommitBudget = TimeSpan.FromMinutes(8);

    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-loop-").FullName;
    private HostProcess? _host;

    public MaestroClient Maestro { get; private set; } = null!;

    public KcidbClient Kcidb { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public LinuxTree Tree { get; private set; } = null!;

    public string FirstCommit { get; private set; } = "";

    public string SecondCommit { get; private set; } = "";

    public MaestroNode FirstCheckout { get; private set; } = null!;

    public MaestroNode FirstKbuild { get; private set; } = null!;

    public IReadOnlyList<MaestroNode> FirstTree { get; private set; } = [];

    public MaestroNode SecondCheckout { get; private set; } = null!;

    public MaestroNode SecondKbuild { get; private set; } = null!;

    public IReadOnlyList<MaestroNode> SecondTree { get; private set; } = [];

    public JsonDocument KcidbFirst { get; private set; } = null!;

    public JsonDocument KcidbSecond { get; private set; } = null!;

    public string Output => _host?.Output ?? "";

    public async ValueTask InitializeAsync()
    {
        Tree = await LinuxTree.CloneAsync(_root);
        FirstCommit = await Tree.HeadAsync();
        var basePort = FreePort.BasePort();
        _host = await HostProcess.StartAsync(Path.Combine(_root, "data"), null, basePort,
            ["--pipeline-config", LoopConfig.WriteDirectory(_root, Tree.Url), "--config", LoopConfig.WriteSettings(_root)], portOffset: 2);
        Maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{basePort + 1}/latest/") });
        var token = await KcidbTokenAsync();
        Kcidb = new KcidbClient(new HttpClient { BaseAddress = _host.KcidbUrl }, token);

        var deadline = DateTime.UtcNow + FirstCommitBudget;
        FirstCheckout = await WaitAsync(() => Checkout(FirstCommit, n => n.State != "running"), deadline, "the first checkout's tarball");
        FirstKbuild = await WaitAsync(() => Child(FirstCheckout, "kbuild-gcc-x86", n => n.State != "running"), deadline, "the first kbuild");
        await WaitAsync(async () => (await TreeOf(FirstCheckout)).Count(n => n.Kind == "job" && n.Parent == FirstKbuild.Id && n.State == "done") >= 2 ? FirstKbuild : null,
            deadline, "the boot and smoke jobs");
        FirstTree = await TreeOf(FirstCheckout);
        KcidbFirst = await WaitAsync(() => KcidbTreeWhere(FirstCheckout, d => new[] { "boot", "smoke.proc-mounted", "smoke.uname-x86_64" }
            .All(path => Tests(d).Any(t => t.GetProperty("path").GetString() == path))), deadline, "the boot test in KCIDB");

        // The second push breaks the build: a compiler error early in the kernel's own sources.
        var main = await Tree.ShowAsync("init/main.c");
        SecondCommit = await Tree.CommitAsync("init: break the build (KernelCI test)",
            new Dictionary<string, string> { ["init/main.c"] = "#error \"broken on purpose by the KernelCI loop test\"\n" + main + "\n" });
        deadline = DateTime.UtcNow + SecondCommitBudget;
        SecondCheckout = await WaitAsync(() => Checkout(SecondCommit, n => n.State != "running"), deadline, "the second checkout");
        SecondKbuild = await WaitAsync(() => Child(SecondCheckout, "kbuild-gcc-x86", n => n.State == "done"), deadline, "the second kbuild");
        KcidbSecond = await WaitAsync(() => KcidbTreeWhere(SecondCheckout, d => Builds(d).Any()), deadline, "the failed build in KCIDB");
        SecondTree = await TreeOf(SecondCheckout);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Http.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static IEnumerable<JsonElement> Tests(JsonDocument document) => Items(document, "tests");

    public static IEnumerable<JsonElement> Builds(JsonDocument document) => Items(document, "builds");

    public static IEnumerable<JsonElement> Items(JsonDocument document, string kind) =>
        document.RootElement.TryGetProperty(kind, out var items) ? items.EnumerateArray() : [];

    private async Task<string> KcidbTokenAsync()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(RepositoryPaths.HostExecutable)
        {
            ArgumentList = { "kcidb", "token", "--origin", "loop-test", "--admin", "--data-dir", Path.Combine(_root, "data") },
            RedirectStandardOutput = true,
        })!;
        var token = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        return token;
    }

    private async Task<MaestroNode?> Checkout(string commit, Func<MaestroNode, bool> ready)
    {
        var nodes = await Maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "checkout").Where("data.kernel_revision.commit", commit));
        return nodes.FirstOrDefault(n => n.Name == "checkout" && ready(n));
    }

    private async Task<MaestroNode?> Child(MaestroNode parent, string name, Func<MaestroNode, bool> ready)
    {
        var nodes = await Maestro.GetNodesFastAsync(new NodeFilter().Where("parent", parent.Id).Where("name", name));
        return nodes.FirstOrDefault(ready);
    }

    private async Task<IReadOnlyList<MaestroNode>> TreeOf(MaestroNode checkout) =>
        await Maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", checkout.Treeid));

    private async Task<JsonDocument?> KcidbTreeWhere(MaestroNode checkout, Func<JsonDocument, bool> ready)
    {
        var document = await Kcidb.QueryAsync(new KcidbQuery { Checkouts = ["maestro:" + checkout.Id], Children = true });
        return ready(document) ? document : null;
    }

    private async Task<T> WaitAsync<T>(Func<Task<T?>> probe, DateTime deadline, string what)
        where T : class
    {
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } found)
                {
                    return found;
                }
            }
            catch (HttpRequestException)
            {
            }

            // The pipeline runs in another process: there is nothing to wait on but its API.
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        throw new TimeoutException($"timed out waiting for {what}; server output:\n{Output}");
    }
}
