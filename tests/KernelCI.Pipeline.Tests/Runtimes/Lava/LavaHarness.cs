using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Runtimes.Lava;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Tests.Runtimes.Lava;

/// <summary>A test stack (Maestro, storage, KCIDB) with the LAVA runtime on a <see cref="FakeLava"/>, its runtime token
/// in the secrets, and the logs captured.</summary>
internal sealed class LavaHarness : IAsyncDisposable
{
    public const string RuntimeToken = "s3cret-runtime-token-7f3a";

    private LavaHarness(PipelineTestStack stack, ServiceProvider services)
    {
        Stack = stack;
        Services = services;
    }

    public PipelineTestStack Stack { get; }

    public ServiceProvider Services { get; }

    public FakeLava Lava { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public static async Task<LavaHarness> StartAsync(DatabaseKind kind, PipelineConfig? config = null)
    {
        var stack = await PipelineTestStack.StartAsync(kind, o => o with { InstanceCallback = "http://pipeline.test:8002/" });
        LavaHarness? harness = null;
        var services = stack.Services(config, s =>
        {
            s.AddSingleton<ILoggerProvider>(_ => harness!.Logs);
            s.AddSingleton(new LavaSecrets(name => name == "lava-test.runtime_token" ? RuntimeToken : null));
            s.AddSingleton(new LavaHttp(() => harness!.Lava));
            RuntimeRegistration.Add(s);
        });
        harness = new LavaHarness(stack, services);
        return harness;
    }

    public static RuntimeConfig Config(System.Text.Json.Nodes.JsonObject? extra = null)
    {
        var settings = new System.Text.Json.Nodes.JsonObject
        {
            ["url"] = "https://lava.example.org/",
            ["notify"] = new System.Text.Json.Nodes.JsonObject { ["callback"] = new System.Text.Json.Nodes.JsonObject { ["token"] = "kernelci-callback" } },
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value?.DeepClone();
        }

        return new RuntimeConfig("lava-test", "lava", Rules.None, settings);
    }

    public LavaRuntime Runtime(RuntimeConfig? config = null) =>
        (LavaRuntime)Services.GetServices<IRuntimeFactory>().Single(f => f.LabType == "lava").Create(config ?? Config());

    /// <summary>A running job node under a checkout, as the scheduler creates it.</summary>
    public async Task<JobRequest> JobAsync()
    {
        var checkout = await Stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "checkout", Name = "checkout", Path = ["checkout"], State = "available", Result = "pass",
            Data = new() { ["kernel_revision"] = new System.Text.Json.Nodes.JsonObject { ["tree"] = "mainline", ["url"] = "https://git.example.org/linux.git", ["branch"] = "master", ["commit"] = "0123456789abcdef0123456789abcdef01234567", ["describe"] = "v6.9" } },
        });
        var node = await Stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "job", Name = "baseline-x86", Parent = checkout.Id, Path = ["checkout", "baseline-x86"], Group = "baseline-x86",
            Data = new() { ["kernel_revision"] = checkout.Data["kernel_revision"]!.DeepClone(), ["runtime"] = "lava-test", ["kernel_type"] = "bzimage" },
        });
        var request = LavaRequests.Request(LavaRequests.Platform("qemu", "x86_64"));
        return request with { Node = node };
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Stack.DisposeAsync();
    }
}
