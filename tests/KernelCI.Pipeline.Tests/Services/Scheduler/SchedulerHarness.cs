using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Services.Scheduler;
using KernelCI.Pipeline.Tests.Config;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Pipeline.Tests.Services.Scheduler;

/// <summary>The scheduler service running against a <see cref="PipelineTestStack"/> with fake runtimes and a clock
/// the test moves. Its durable subscriptions exist before it starts, so no event of the test is missed.</summary>
internal sealed class SchedulerHarness : IAsyncDisposable
{
    private readonly PipelineConfig _config;
    private readonly Action<IServiceCollection>? _add;
    private ServiceProvider _services = null!;
    private List<IHostedService> _hosted = [];

    private SchedulerHarness(PipelineTestStack stack, PipelineConfig config, Action<IServiceCollection>? add)
    {
        Stack = stack;
        _config = config;
        _add = add;
    }

    public PipelineTestStack Stack { get; }

    public IServiceProvider Services => _services;

    public MaestroClient Maestro => Stack.Maestro;

    /// <summary>The fake runtimes of the scheduler running now (a restart makes new ones).</summary>
    public FakeRuntimeFactory Runtimes { get; private set; } = null!;

    public FakeTimeProvider Clock { get; private set; } = null!;

    /// <summary>The runtimes' submission queues: <see cref="SubmissionQueue.WhenIdleAsync"/> tells when every job
    /// queued so far has been submitted or failed.</summary>
    public SubmissionQueue Queue => _services.GetRequiredService<SubmissionQueue>();

    /// <summary>Completes once the scheduler has queued the job nodes it found unsubmitted at its start.</summary>
    public Task Recovered => _services.GetRequiredService<SubmissionRecovery>().Done;

    public static async Task<SchedulerHarness> StartAsync(DatabaseKind kind = DatabaseKind.Sqlite, string yaml = SchedulerConfigs.Base,
        Func<PipelineOptions, PipelineOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var stack = await PipelineTestStack.StartAsync(kind, configure);
        using var dir = new ConfigDirectory(("config.yaml", yaml));
        var harness = new SchedulerHarness(stack, PipelineConfigLoader.Load(dir.Path), services);
        await stack.Maestro.SubscribeAsync("node", $"{stack.Options.Instance}:scheduler");
        await stack.Maestro.SubscribeAsync("retry", $"{stack.Options.Instance}:scheduler-retry");
        await harness.StartServicesAsync();
        return harness;
    }

    /// <summary>Stops the scheduler as a host does once its shutdown timeout has passed (submissions under way are
    /// abandoned, queued ones left), then starts a new one, with new fake runtimes, on the same Maestro.</summary>
    public async Task RestartAsync()
    {
        await StopServicesAsync();
        await StartServicesAsync();
    }

    private async Task StartServicesAsync()
    {
        var runtimes = new FakeRuntimeFactory();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _services = Stack.Services(_config, s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<IRuntimeFactory>(runtimes);
            _add?.Invoke(s);
            s.AddPipelineServices(["scheduler"]);
        });
        (Runtimes, Clock) = (runtimes, clock);
        _hosted = _services.GetServices<IHostedService>().ToList();
        foreach (var hosted in _hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }
    }

    private async Task StopServicesAsync()
    {
        using var timedOut = new CancellationTokenSource();
        await timedOut.CancelAsync();
        foreach (var hosted in _hosted)
        {
            if (hosted is BackgroundService service)
            {
                // A host whose shutdown timeout passed: the service is told at once, and its end awaited here so that
                // nothing it does outlives the provider.
                await service.StopAsync(timedOut.Token);
                await (service.ExecuteTask ?? Task.CompletedTask).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            else
            {
                await hosted.StopAsync(CancellationToken.None);
            }
        }

        await _services.DisposeAsync();
    }

    /// <summary>A checkout as the tarball service leaves it: available/pass with its tarball and kernel revision.</summary>
    public async Task<MaestroNode> AvailableCheckoutAsync(IReadOnlyList<string>? jobfilter = null, IReadOnlyList<string>? architectures = null)
    {
        var checkout = await Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout",
            Name = "checkout",
            Path = ["checkout"],
            Treeid = Guid.NewGuid().ToString("N"),
            Submitter = "service:pipeline",
            Jobfilter = jobfilter,
            Data = new()
            {
                ["kernel_revision"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["tree"] = "local", ["url"] = "file:///srv/linux", ["branch"] = "main", ["commit"] = "0123456789abcdef0123456789abcdef01234567",
                    ["version"] = new System.Text.Json.Nodes.JsonObject { ["version"] = 6, ["patchlevel"] = 1 },
                },
            },
        });
        if (architectures is not null)
        {
            checkout.Data["architecture_filter"] = new System.Text.Json.Nodes.JsonArray(architectures.Select(a => (System.Text.Json.Nodes.JsonNode?)a).ToArray());
        }

        return await Maestro.UpdateNodeAsync(checkout with
        {
            State = "available",
            Result = "pass",
            Artifacts = new Dictionary<string, string> { ["tarball"] = "http://storage.local/linux.tar.gz" },
        });
    }

    /// <summary>A kbuild of <paramref name="checkout"/> that has just passed as upstream's do (running, then
    /// available/pass), or as ours do with <paramref name="state"/> `done` (running, then done/pass).</summary>
    public async Task<MaestroNode> PassedKbuildAsync(MaestroNode checkout, string state = "available")
    {
        var kbuild = await Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "kbuild",
            Name = "kbuild-gcc-x86",
            Path = ["checkout", "kbuild-gcc-x86"],
            Group = "kbuild-gcc-x86",
            Parent = checkout.Id,
            Treeid = checkout.Treeid,
            Data = new()
            {
                ["kernel_revision"] = checkout.Data["kernel_revision"]!.DeepClone(),
                ["arch"] = "x86_64", ["compiler"] = "gcc", ["defconfig"] = "tinyconfig", ["config_full"] = "tinyconfig+qemu-serial",
                ["kernel_type"] = "bzimage", ["fragments"] = new System.Text.Json.Nodes.JsonArray("qemu-serial"),
            },
        });
        return await Maestro.UpdateNodeAsync(kbuild with
        {
            State = state,
            Result = "pass",
            Artifacts = new Dictionary<string, string> { ["kernel"] = "http://storage.local/kbuild/bzImage" },
        });
    }

    public async Task<IReadOnlyList<MaestroNode>> ChildrenAsync(MaestroNode parent) =>
        await Maestro.GetNodesFastAsync(new NodeFilter().Where("parent", parent.Id));

    /// <summary>Polls Maestro until <paramref name="condition"/> holds, failing the test after 30 s.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopServicesAsync();
        await Stack.DisposeAsync();
    }
}
