using System.Text.Json.Nodes;
using KernelCI.Client.Bisection;
using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Bisection;
using KernelCI.Pipeline.Services.Regressions;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TestGit = KernelCI.Testing.Git;

namespace KernelCI.Pipeline.Tests.Services.Bisection;

/// <summary>A pipeline stack, a real git tree of nine commits (the fifth after the root breaks it) in the trees
/// configuration as `local`, a failing `login` test under checkout → kbuild → job, its regression node, and a
/// scheduler whose steps a fake runner answers.</summary>
internal sealed class BisectionTestBed : IAsyncDisposable
{
    public const int CulpritIndex = 5;

    /// <summary>The passing result's node: an ObjectId, as send-kcidb's ids of our origin name one.</summary>
    public const string PassNode = "0123456789abcdef01234567";

    private readonly string _root;

    private BisectionTestBed(PipelineTestStack stack, ServiceProvider services, string root)
    {
        Stack = stack;
        Services = services;
        _root = root;
    }

    public PipelineTestStack Stack { get; }

    public ServiceProvider Services { get; }

    public List<string> Commits { get; } = [];

    public FakeStepRunner Runner { get; } = new();

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public BisectionScheduler Scheduler => Services.GetRequiredService<BisectionScheduler>();

    public RegressionNodeWriter Writer => Services.GetRequiredService<RegressionNodeWriter>();

    public MaestroClient Maestro => Stack.Maestro;

    public string TreePath => Path.Combine(_root, "tree");

    public static async Task<BisectionTestBed> CreateAsync()
    {
        var root = Directory.CreateTempSubdirectory("kernelci-autobisect-").FullName;
        var stack = await PipelineTestStack.StartAsync(configure: o => o with { WorkDirectory = Directory.CreateTempSubdirectory("kernelci-autobisect-work-").FullName });
        BisectionTestBed? bed = null;
        var config = new PipelineConfig
        {
            Trees = new Dictionary<string, TreeConfig> { ["local"] = new("local", Path.Combine(root, "tree")) },
        };
        var services = stack.Services(config, s =>
        {
            s.AddSingleton<TimeProvider>(_ => bed!.Time);
            s.AddSingleton<IBisectionStepRunners>(_ => bed!.Runner);
            s.AddSingleton<RegressionNodeWriter>();
            s.AddSingleton<BisectionScheduler>();
        });
        bed = new BisectionTestBed(stack, services, root);
        Directory.CreateDirectory(bed.TreePath);
        await TestGit.RunAsync(bed.TreePath, "init", "-q", "-b", "main");
        for (var i = 0; i <= 8; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(bed.TreePath, "value"), $"{i}\n", TestContext.Current.CancellationToken);
            await TestGit.RunAsync(bed.TreePath, "add", "value");
            await TestGit.RunAsync(bed.TreePath, "commit", "-q", "-m", i == CulpritIndex ? "init: break it" : $"change {i}");
            bed.Commits.Add(await TestGit.RunAsync(bed.TreePath, "rev-parse", "HEAD"));
        }

        bed.Runner.IsBad = c => bed.Commits.IndexOf(c) >= CulpritIndex;
        return bed;
    }

    /// <summary>checkout → kbuild-gcc-x86 → baseline-x86 → login (fail), and the regression of it (good: root, bad: last).</summary>
    public async Task<(KcidbRegression Regression, MaestroNode Node)> OpenRegressionAsync(bool flaky = false, string? origin = null, string tree = "local")
    {
        var checkout = await CreateAsync("checkout", "checkout", null, null);
        var kbuild = await CreateAsync("kbuild", "kbuild-gcc-x86", checkout.Id, null);
        var job = await CreateAsync("job", "baseline-x86", kbuild.Id, "qemu-x86_64");
        var test = await CreateAsync("test", "login", job.Id, null, "fail");
        var own = origin ?? Stack.Options.Origin;
        var regression = new KcidbRegression("0123456789abcdef01234567", "open", own, tree, "main", "test", "baseline-x86.login",
            "tinyconfig", "x86_64", "gcc-12", "qemu-x86_64", Commits[0], $"{own}:{PassNode}", Commits[^1], $"{own}:{test.Id}", null,
            [$"{own}:{test.Id}"], flaky, null);
        var node = await Writer.ApplyAsync(new KcidbRegressionChange(1, regression.Id, regression), TestContext.Current.CancellationToken);
        return (regression, node!);
    }

    public async Task<MaestroNode?> BisectionNodeAsync(string regressionNodeId) =>
        (await Maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "process").Where("parent", regressionNodeId))).SingleOrDefault();

    private Task<MaestroNode> CreateAsync(string kind, string name, string? parent, string? platform, string? result = "pass") =>
        Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = kind, Name = name, Parent = parent, State = "done", Result = result, Path = [name],
            Data = platform is null ? [] : new JsonObject { ["platform"] = platform },
        });

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Stack.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Answers each step from <see cref="IsBad"/>, or blocks on <see cref="Block"/> until cancelled.</summary>
    internal sealed class FakeStepRunner : IBisectionStepRunners, IBisectStepRunner
    {
        public Func<string, bool> IsBad { get; set; } = _ => false;

        public TaskCompletionSource? Block { get; set; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Tested { get; } = [];

        public BisectionPlan? Plan { get; private set; }

        public IBisectStepRunner Create(BisectionPlan plan)
        {
            Plan = plan;
            return this;
        }

        public async Task<StepResult> RunAsync(string commit, CancellationToken cancellationToken)
        {
            lock (Tested)
            {
                Tested.Add(commit);
            }

            Started.TrySetResult();
            if (Block is { } block)
            {
                await block.Task.WaitAsync(cancellationToken);
            }

            return new StepResult(IsBad(commit) ? StepVerdict.Bad : StepVerdict.Good, [new StepNode("n" + commit[..6], "login", "done", IsBad(commit) ? "fail" : "pass")]);
        }
    }
}
