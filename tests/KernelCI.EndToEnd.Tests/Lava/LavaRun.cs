using System.Text.Json;
using KernelCI.Client.Maestro;
using KernelCI.EndToEnd.Tests.Pipeline;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.Lava;

/// <summary>Our kernel through the real LAVA lab of scripts/lava.sh, run once for all the assertions of
/// <see cref="LavaEndToEndTests"/>: a real `kernelci serve` builds the test tree's head (tinyconfig + qemu-serial, the
/// shell runtime with the shared ccache), submits a baseline and a smoke job to the lab, LAVA downloads the kernel
/// from our storage, boots it with the lab's busybox initramfs and calls back to the pipeline's POST /node/{id}, and
/// the bridge sends the results to KCIDB. A lab that cannot start fails the run (LavaLab throws); it never skips.</summary>
public sealed class LavaRun : IAsyncLifetime
{
    /// <summary>Checkout (a fresh git cache), tarball and build; the shared ccache shortens only the build.</summary>
    private static readonly TimeSpan BuildBudget = TimeSpan.FromMinutes(25);

    /// <summary>Both jobs queue on the lab's one device, which other tests may be using too.</summary>
    private static readonly TimeSpan LabBudget = TimeSpan.FromMinutes(12);

    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-lava-e2e-").FullName;
    private LoopHost? _host;

    public LavaLab Lab { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public MaestroNode Kbuild { get; private set; } = null!;

    public IReadOnlyList<MaestroNode> Tree { get; private set; } = [];

    public JsonDocument Kcidb { get; private set; } = null!;

    public string Output => _host?.Output ?? "";

    /// <summary>The tree, one node a line: what a failed assertion shows.</summary>
    public string Describe() => string.Join('\n', Tree.Select(n =>
        $"{string.Join('/', n.Path)} ({n.Kind}) {n.State}/{n.Result} artifacts: {string.Join(',', n.Artifacts.Keys)}"));

    public async ValueTask InitializeAsync()
    {
        Lab = await LavaLab.GetAsync();
        _host = await LoopHost.StartAsync(_root, (directory, _) => LavaLabConfig.Write(directory, Lab), LavaLabConfig.Secrets(Lab));
        var commit = await _host.Tree.HeadAsync();
        var probe = new PipelineProbe(_host.Maestro, _host.Kcidb) { Interval = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + BuildBudget;
        var checkout = await probe.WaitAsync(() => probe.CheckoutAsync(commit, n => n.State != "running"), deadline, "the checkout's tarball", () => Output);
        Kbuild = await probe.WaitAsync(() => probe.ChildAsync(checkout, "kbuild-gcc-x86", n => n.State != "running"), deadline, "the kbuild", () => Output);
        deadline = DateTime.UtcNow + LabBudget;
        await probe.WaitAsync(async () => (await probe.TreeAsync(checkout)).Count(n => n.Kind == "job" && n.Parent == Kbuild.Id && n.State == "done") >= 2 ? Kbuild : null,
            deadline, "the LAVA jobs' callbacks", () => Output);
        Tree = await probe.TreeAsync(checkout);
        Kcidb = await probe.WaitAsync(() => probe.KcidbWhereAsync(checkout, d => PipelineProbe.HasTestPaths(d, "boot", "smoke.proc-mounted")),
            deadline, "the LAVA results in KCIDB", () => Output);
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
}
