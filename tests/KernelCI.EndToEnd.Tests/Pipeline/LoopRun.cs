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
    private LoopHost? _host;

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

    /// <summary>The web dashboard's listener (the base port).</summary>
    public Uri DashboardUrl => new($"http://127.0.0.1:{_host!.Process.BasePort}/");

    public async ValueTask InitializeAsync()
    {
        _host = await LoopHost.StartAsync(_root);
        Tree = _host.Tree;
        FirstCommit = await Tree.HeadAsync();
        Maestro = _host.Maestro;
        Kcidb = _host.Kcidb;

        var probe = new PipelineProbe(Maestro, Kcidb) { Interval = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + FirstCommitBudget;
        FirstCheckout = await probe.WaitAsync(() => probe.CheckoutAsync(FirstCommit, n => n.State != "running"), deadline, "the first checkout's tarball", () => Output);
        FirstKbuild = await probe.WaitAsync(() => probe.ChildAsync(FirstCheckout, "kbuild-gcc-x86", n => n.State != "running"), deadline, "the first kbuild", () => Output);
        await probe.WaitAsync(async () => (await probe.TreeAsync(FirstCheckout)).Count(n => n.Kind == "job" && n.Parent == FirstKbuild.Id && n.State == "done") >= 2 ? FirstKbuild : null,
            deadline, "the boot and smoke jobs", () => Output);
        FirstTree = await probe.TreeAsync(FirstCheckout);
        KcidbFirst = await probe.WaitAsync(() => probe.KcidbWhereAsync(FirstCheckout, d => PipelineProbe.HasTestPaths(d, "boot", "smoke.proc-mounted", "smoke.uname-x86_64")),
            deadline, "the boot and smoke tests in KCIDB", () => Output);

        // The second push breaks the build: a compiler error early in the kernel's own sources.
        var main = await Tree.ShowAsync("init/main.c");
        SecondCommit = await Tree.CommitAsync("init: break the build (KernelCI test)",
            new Dictionary<string, string> { ["init/main.c"] = "#error \"broken on purpose by the KernelCI loop test\"\n" + main + "\n" });
        deadline = DateTime.UtcNow + SecondCommitBudget;
        SecondCheckout = await probe.WaitAsync(() => probe.CheckoutAsync(SecondCommit, n => n.State != "running"), deadline, "the second checkout", () => Output);
        SecondKbuild = await probe.WaitAsync(() => probe.ChildAsync(SecondCheckout, "kbuild-gcc-x86", n => n.State == "done"), deadline, "the second kbuild", () => Output);
        KcidbSecond = await probe.WaitAsync(() => probe.KcidbWhereAsync(SecondCheckout, d => Builds(d).Any()), deadline, "the failed build in KCIDB", () => Output);
        SecondTree = await probe.TreeAsync(SecondCheckout);
    }

    public ValueTask DisposeAsync() => LoopHost.DisposeRunAsync(_host, Http, _root);

    public static IEnumerable<JsonElement> Tests(JsonDocument document) => PipelineProbe.Items(document, "tests");

    public static IEnumerable<JsonElement> Builds(JsonDocument document) => PipelineProbe.Items(document, "builds");

    public static IEnumerable<JsonElement> Items(JsonDocument document, string kind) => PipelineProbe.Items(document, kind);
}
