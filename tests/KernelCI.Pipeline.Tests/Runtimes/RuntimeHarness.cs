using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Runtimes;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Runtimes;

/// <summary>A test stack with the runtimes registered, and the nodes a scheduler would have created: a checkout, and
/// under it a kbuild or a job node in state running.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly PlatformConfig QemuX86 = new("qemu-x86_64", "x86_64", "qemu", "qemu", null, [], null, [], [], Rules.None);

    private readonly ServiceProvider _services;

    private RuntimeHarness(PipelineTestStack stack, ServiceProvider services)
    {
        Stack = stack;
        _services = services;
    }

    public PipelineTestStack Stack { get; }

    public PublicUrls Urls => _services.GetRequiredService<PublicUrls>();

    public static async Task<RuntimeHarness> StartAsync(Func<PipelineOptions, PipelineOptions>? configure = null)
    {
        var stack = await PipelineTestStack.StartAsync(configure: o =>
            (configure ?? (x => x))(o with { WorkDirectory = Path.Combine(Path.GetTempPath(), "kernelci-runtime-tests") }));
        var services = stack.Services(add: RuntimeRegistration.Add);
        return new RuntimeHarness(stack, services);
    }

    public IRuntime Runtime(string labType, string name) =>
        _services.GetServices<IRuntimeFactory>().Single(f => f.LabType == labType).Create(new RuntimeConfig(name, labType, Rules.None, []));

    /// <summary>Stores a local file and returns its public URL, as the tarball service or a build would.</summary>
    public async Task<string> UploadAsync(string storageDirectory, string file)
    {
        await Stack.Storage.UploadFilesAsync(storageDirectory, [file]);
        return Urls.For($"{storageDirectory}/{Path.GetFileName(file)}");
    }

    /// <summary>A service of the runtimes' container (the git cache the shell runtime reads, ...).</summary>
    public T Service<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>An available checkout of <paramref name="revision"/>, by default a commit no git cache holds.</summary>
    public Task<MaestroNode> CheckoutAsync(JsonObject? revision = null) => Stack.Maestro.CreateNodeAsync(new MaestroNode
    {
        Kind = "checkout",
        Name = "checkout",
        Path = ["checkout"],
        State = "available",
        Result = "pass",
        Data = new JsonObject
        {
            ["kernel_revision"] = revision ?? new JsonObject
            {
                ["tree"] = "local", ["url"] = "file:///linux", ["branch"] = "main", ["commit"] = "0123456789abcdef0123456789abcdef01234567",
                ["describe"] = "v6.1.0",
            },
        },
    });

    public async Task<MaestroNode> ChildAsync(MaestroNode parent, string kind, string name, JsonObject? data = null)
    {
        var fields = data ?? [];
        fields["kernel_revision"] = parent.Data["kernel_revision"]?.DeepClone();
        return await Stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = kind,
            Name = name,
            Parent = parent.Id,
            Path = [.. parent.Path, name],
            Group = name,
            Data = fields,
        });
    }

    /// <summary>Submits the job and waits (at most <paramref name="limit"/>) until its background run finished.</summary>
    public async Task<(string JobId, MaestroNode Node)> RunAsync(IRuntime runtime, JobRequest request, TimeSpan limit)
    {
        var jobId = await runtime.SubmitAsync(request, TestContext.Current.CancellationToken);
        await _services.GetRequiredService<RunningJobs>().WhenIdleAsync().WaitAsync(limit, TestContext.Current.CancellationToken);
        return (jobId, (await Stack.Maestro.GetNodeAsync(request.Node.Id!))!);
    }

    public Task<string> SubmitAsync(IRuntime runtime, JobRequest request) => runtime.SubmitAsync(request, TestContext.Current.CancellationToken);

    /// <summary>Stops the runtimes' background jobs as a host shutdown does.</summary>
    public Task StopJobsAsync() => _services.GetRequiredService<RunningJobs>().StopAsync(TestContext.Current.CancellationToken);

    /// <summary>Ids of the processes whose command line mentions <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> ProcessesMentioning(string text)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && pid != Environment.ProcessId)
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(text, StringComparison.Ordinal))
                    {
                        found.Add(pid);
                    }
                }
                catch (IOException)
                {
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<MaestroNode>> DescendantsAsync(MaestroNode root)
    {
        var all = new List<MaestroNode>();
        var queue = new Queue<string>([root.Id!]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in await Stack.Maestro.GetNodesFastAsync(new NodeFilter().Where("parent", id)))
            {
                all.Add(child);
                queue.Enqueue(child.Id!);
            }
        }

        return all;
    }

    public async Task<byte[]> DownloadAsync(string url)
    {
        using var http = new HttpClient();
        return await http.GetByteArrayAsync(url);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Stack.DisposeAsync();
    }
}
