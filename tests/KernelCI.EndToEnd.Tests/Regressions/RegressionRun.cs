using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.EndToEnd.Tests.Pipeline;
using KernelCI.Testing;

namespace KernelCI.EndToEnd.Tests.Regressions;

/// <summary>Issue 20 item 6, run once for the assertions of <see cref="RegressionEndToEndTests"/>: a real `kernelci
/// serve` with the pipeline's regression service and automatic bisection on (their defaults) polls a tree made from
/// linux-source-6.1. Its head is built (tinyconfig, the machine's shared ccache), booted and smoke-tested on QEMU
/// (config/pipeline: baseline-x86 and smoke-x86). Then eight commits are pushed at once: the third makes /proc/version
/// disappear (the smoke job's proc-mounted case fails, the kernel boots), the fifth panics at boot. The pipeline builds
/// the new head; its boot and smoke jobs fail; KCIDB opens two regressions (series `boot` and `smoke`, last good the old
/// head, first bad the new one); the pipeline bisects each by itself and must name the fifth and the third commit.
/// Then two commits reverting the culprits are pushed and both regressions become fixed.
///
/// One push carries both culprits so that the panic and the smoke test failure are bisected on the same server and tree
/// with one initial build and one fixing build: 2 bisections of 8 commits (3 steps each) and 3 builds of the branch.
/// `Pipeline:Regressions:RetryFail` is 0 here: a bad step is not run a second time. The confirmation run is the
/// engine's and the scheduler's behaviour, tested with a fake step runner (tests/KernelCI.Pipeline.Tests, Bisection);
/// here it would only add a build and a boot per bad step.</summary>
public sealed class RegressionRun : IAsyncLifetime
{
    // Generous: the tarball service's first clone of the tree alone took 9.5 minutes on the shared machine at load 30.
    private static readonly TimeSpan FirstCommitBudget = TimeSpan.FromMinutes(40);
    private static readonly TimeSpan RegressionBudget = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan BisectionBudget = TimeSpan.FromMinutes(60);
    private static readonly TimeSpan FixBudget = TimeSpan.FromMinutes(20);

    public const string PanicSubject = "init: panic at boot, on purpose";

    public const string SmokeSubject = "proc: no /proc/version, on purpose";

    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-regressions-").FullName;
    private readonly StringBuilder _report = new();
    private LoopHost? _host;

    internal LoopHost Host => _host!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromMinutes(2) };

    public Uri KcidbUrl => Host.Process.KcidbUrl;

    /// <summary>The head built first, which passes.</summary>
    public string Good { get; private set; } = "";

    /// <summary>The eight commits pushed on it: [2] breaks the smoke test, [4] panics.</summary>
    public IReadOnlyList<string> Commits { get; private set; } = [];

    /// <summary>The two reverts pushed last (the panic's, then the smoke test's).</summary>
    public IReadOnlyList<string> Reverts { get; private set; } = [];

    public Regression Boot { get; private set; } = null!;

    public Regression Smoke { get; private set; } = null!;

    /// <summary>What happened when, for the test output.</summary>
    public string Report => _report.ToString();

    public async ValueTask InitializeAsync()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _host = await LoopHost.StartAsync(_root, pipelineSettings: new JsonObject { ["Regressions"] = new JsonObject { ["RetryFail"] = 0 } });
        var probe = new PipelineProbe(Host.Maestro, Host.Kcidb) { Interval = TimeSpan.FromSeconds(2) };
        Good = await Host.Tree.HeadAsync();

        // The old head passes: boot and both smoke cases in KCIDB, so the tracker has a last good commit.
        var deadline = DateTime.UtcNow + FirstCommitBudget;
        var first = await probe.WaitAsync(() => probe.CheckoutAsync(Good, n => n.State != "running"), deadline, "the first checkout", () => Host.Output);
        await probe.WaitAsync(() => probe.KcidbWhereAsync(first, d => PipelineProbe.HasTestPaths(d, "boot", "smoke", "smoke.proc-mounted")),
            deadline, "the first commit's boot and smoke tests in KCIDB", () => Host.Output);
        Log(clock, "the good head is built, booted and in KCIDB");

        // One push of eight commits; the pipeline only ever sees the old head and the new one.
        var series = new List<(string, IReadOnlyDictionary<string, string>)>();
        for (var i = 1; i <= 8; i++)
        {
            var files = new Dictionary<string, string> { [$"Documentation/kernelci/regression-{i}.txt"] = $"Change {i} of the regression test.\n" };
            var subject = $"Documentation: regression test change {i}";
            if (i == 3)
            {
                files[BrokenKernel.ProcVersionFile] = await BrokenKernel.NoProcVersionAsync(Host.Tree, Good);
                subject = SmokeSubject;
            }
            else if (i == 5)
            {
                files[BrokenKernel.PanicFile] = await BrokenKernel.PanicAtBootAsync(Host.Tree, Good);
                subject = PanicSubject;
            }

            series.Add((subject, files));
        }

        Commits = await Host.Tree.PushAsync(series);

        deadline = DateTime.UtcNow + RegressionBudget;
        var boot = await WaitRegressionNodeAsync(probe, "baseline-x86", n => n.Result == "fail", deadline, "the boot regression's node");
        var smoke = await WaitRegressionNodeAsync(probe, "smoke-x86", n => n.Result == "fail", deadline, "the smoke regression's node");
        var bootOpened = await RegressionAsync(boot);
        var smokeOpened = await RegressionAsync(smoke);
        Log(clock, $"regressions opened: boot {bootOpened["id"]}, smoke {smokeOpened["id"]}");

        // Nothing is asked of the pipeline from here: it bisects both by itself, one after the other.
        deadline = DateTime.UtcNow + BisectionBudget;
        var bootBisection = await WaitBisectionAsync(probe, boot, deadline);
        Log(clock, $"boot bisection {bootBisection.Id} ended {bootBisection.Result}");
        var smokeBisection = await WaitBisectionAsync(probe, smoke, deadline);
        Log(clock, $"smoke bisection {smokeBisection.Id} ended {smokeBisection.Result}");
        var bootBisected = await RegressionAsync(boot);
        var smokeBisected = await RegressionAsync(smoke);
        var bootNodeBisected = (await Host.Maestro.GetNodeAsync(boot.Id!))!;
        var smokeNodeBisected = (await Host.Maestro.GetNodeAsync(smoke.Id!))!;
        var bootTimeline = await BisectionTimeline.ReadAsync(Host.Maestro, bootBisection.Id!);
        var smokeTimeline = await BisectionTimeline.ReadAsync(Host.Maestro, smokeBisection.Id!);
        _report.AppendLine("boot " + bootTimeline).AppendLine("smoke " + smokeTimeline);

        // The fix: one push reverting both culprits, the panic's first.
        Reverts = await Host.Tree.PushAsync(
        [
            ($"Revert \"{PanicSubject}\"\n\nThis reverts commit {Commits[4]}.",
                new Dictionary<string, string> { [BrokenKernel.PanicFile] = await BrokenKernel.OriginalAsync(Host.Tree, Good, BrokenKernel.PanicFile) }),
            ($"Revert \"{SmokeSubject}\"\n\nThis reverts commit {Commits[2]}.",
                new Dictionary<string, string> { [BrokenKernel.ProcVersionFile] = await BrokenKernel.OriginalAsync(Host.Tree, Good, BrokenKernel.ProcVersionFile) }),
        ]);
        deadline = DateTime.UtcNow + FixBudget;
        var bootFixedNode = await WaitRegressionNodeAsync(probe, "baseline-x86", n => n.Id == boot.Id && n.Result == "pass", deadline, "the boot regression fixed");
        var smokeFixedNode = await WaitRegressionNodeAsync(probe, "smoke-x86", n => n.Id == smoke.Id && n.Result == "pass", deadline, "the smoke regression fixed");
        Log(clock, "both regressions fixed");

        Boot = new Regression(bootOpened, bootBisected, await RegressionAsync(boot), boot, bootNodeBisected, bootFixedNode, bootBisection, bootTimeline);
        Smoke = new Regression(smokeOpened, smokeBisected, await RegressionAsync(smoke), smoke, smokeNodeBisected, smokeFixedNode, smokeBisection, smokeTimeline);
    }

    public ValueTask DisposeAsync() => LoopHost.DisposeRunAsync(_host, Http, _root);

    /// <summary>`GET /api/regressions/{id}` on the KCIDB listener.</summary>
    public async Task<JsonObject> RegressionAsync(string id) =>
        JsonNode.Parse(await Http.GetStringAsync(new Uri(KcidbUrl, "api/regressions/" + id)))!.AsObject();

    private Task<JsonObject> RegressionAsync(MaestroNode node) => RegressionAsync(node.Data["kcidb_regression"]!.ToString());

    private async Task<MaestroNode> WaitRegressionNodeAsync(PipelineProbe probe, string name, Func<MaestroNode, bool> ready, DateTime deadline, string what) =>
        await probe.WaitAsync(async () => (await Host.Maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "regression").Where("name", name)))
            .FirstOrDefault(ready), deadline, what, () => Report + Host.Output);

    private async Task<MaestroNode> WaitBisectionAsync(PipelineProbe probe, MaestroNode regression, DateTime deadline) =>
        await probe.WaitAsync(async () => (await Host.Maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "process").Where("parent", regression.Id)))
            .FirstOrDefault(n => n.State == "done"), deadline, $"the bisection of {regression.Name}", () => Report + Host.Output);

    private void Log(System.Diagnostics.Stopwatch clock, string what) => _report.AppendLine($"{clock.Elapsed:mm\\:ss} {what}");

    /// <summary>One regression as KCIDB (`GET /api/regressions/{id}`) and Maestro showed it when it opened, once bisected
    /// and once fixed, with its bisection node and where the bisection's time went.</summary>
    public sealed record Regression(JsonObject Opened, JsonObject Bisected, JsonObject Fixed, MaestroNode NodeOpened, MaestroNode NodeBisected,
        MaestroNode NodeFixed, MaestroNode Bisection, BisectionTimeline Timeline);
}
