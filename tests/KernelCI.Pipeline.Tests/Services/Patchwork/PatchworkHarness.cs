using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Patchwork;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Services.Patchset;
using KernelCI.Pipeline.Tests.Services.Tarball;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Tests.Services.Patchwork;

/// <summary>One test's world: the pipeline's peers (<see cref="PipelineTestStack"/>), a small git tree `local` whose
/// `main` is the base of the series, and the Patchwork service on them. The builds and jobs are test doubles: nodes
/// written under the patchset as the scheduler and a lab would (<see cref="FakeBuildAsync"/>), so no kernel is built.</summary>
internal sealed class PatchworkHarness : IAsyncDisposable
{
    public const string Dashboard = "http://dashboard.test";

    private readonly List<ServiceProvider> _providers = [];
    private readonly string _secrets = Directory.CreateTempSubdirectory("kernelci-pw-secrets-").FullName;

    private PatchworkHarness(PipelineTestStack stack, TestRepository repository, PatchworkServer server)
    {
        Stack = stack;
        Repository = repository;
        Server = server;
    }

    public PipelineTestStack Stack { get; }

    public TestRepository Repository { get; }

    public PatchworkServer Server { get; }

    public PipelineConfig Config => TarballFixture.TreeConfig("local", Repository.Url);

    /// <summary>A file of 20 lines, so that patches of different lines apply independently.</summary>
    public static string Lines(params (int Line, string Text)[] changes) =>
        string.Concat(Enumerable.Range(1, 20).Select(i => (changes.FirstOrDefault(c => c.Line == i).Text ?? $"int l{i};") + "\n"));

    public static async Task<PatchworkHarness> StartAsync(PatchworkServer server, DatabaseKind kind = DatabaseKind.Sqlite)
    {
        var stack = await PipelineTestStack.StartAsync(kind);
        await Migrator.ApplyAsync(stack.Database, new PipelineComponent().Migrations);
        var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("base", ("Makefile", TarballFixture.Makefile), ("a.c", Lines()));
        return new PatchworkHarness(stack, repository, server);
    }

    public PatchworkProject Project(string tag, string? tokenSecret = null, string? url = null) => new()
    {
        Url = url ?? Server.Url,
        Project = PatchworkServer.Project,
        Tree = "local",
        Branch = "main",
        SubjectMatch = $"{tag}:",
        TokenSecret = tokenSecret,
    };

    /// <summary>A new Patchwork service on this world (a new process would build one the same way).</summary>
    public PatchworkService Service(params PatchworkProject[] projects) => Service(new PatchworkOptions { Projects = projects });

    public PatchworkService Service(PatchworkOptions options, string token = PatchworkServer.Token)
    {
        File.WriteAllText(Path.Combine(_secrets, "secrets.json"), new JsonObject { ["patchwork-" + PatchworkServer.Project] = token }.ToJsonString());
        var provider = Stack.Services(Config, services =>
        {
            services.AddSingleton(Stack.Database);
            services.AddSingleton(new SecretStore(_secrets));
            services.AddSingleton(options with { DashboardUrl = options.DashboardUrl ?? Dashboard });
            PatchworkRegistration.Add(services);
        });
        _providers.Add(provider);
        return provider.GetRequiredService<PatchworkService>();
    }

    public PatchworkHealth Health(PatchworkService service) =>
        _providers.Single(p => ReferenceEquals(p.GetService<PatchworkService>(), service)).GetRequiredService<PatchworkHealth>();

    /// <summary>Commits one patch per (line, text) on `main`, mails them as a series (`git format-patch`, subjects
    /// `TAG: …`), loads it into Patchwork, and resets `main` to where it was: the series is not merged.</summary>
    public async Task<(long Series, IReadOnlyList<long> Patches)> SendSeriesAsync(string tag, params (int Line, string Text)[] patches)
    {
        var head = (await Repository.RunAsync("rev-parse", "HEAD")).Trim();
        var content = File.ReadAllLines(Path.Combine(Repository.Directory, "a.c"));
        var changes = new List<(int, string)>();
        for (var i = 0; i < patches.Length; i++)
        {
            changes.Add(patches[i]);
            var text = string.Concat(Enumerable.Range(1, 20).Select(l => (changes.LastOrDefault(c => c.Item1 == l).Item2 ?? content[l - 1]) + "\n"));
            await Repository.CommitAsync($"{tag}: change line {patches[i].Line}", ("a.c", text));
        }

        var output = Path.Combine(Repository.Directory, "..", Path.GetFileName(Repository.Directory) + "-" + tag);
        await Repository.RunAsync("format-patch", "--quiet", "--thread=shallow", "-o", output, "--to", "netdev@vger.kernel.org",
            $"--add-header=List-Id: <{PatchworkServer.ListId}>", $"-{patches.Length}");
        await Repository.RunAsync("reset", "--quiet", "--hard", head);
        var mbox = Path.Combine(output, "series.mbox");
        await File.WriteAllTextAsync(mbox, string.Concat(Directory.GetFiles(output, "0*.patch").Order().Select(File.ReadAllText)));
        await Server.IngestAsync(mbox);
        Directory.Delete(output, recursive: true);
        return await Server.SeriesAsync($"{tag}:");
    }

    /// <summary>The patchset node the service made for the series' run, after the tarball and patchset services did
    /// their part: the base checkout's tarball, then the patched tarball.</summary>
    public async Task<MaestroNode> PreparePatchsetAsync(long series, int run = 1)
    {
        var node = (await Stack.Maestro.GetNodesFastAsync(new NodeFilter().Where("kind", "checkout").Where("name", "patchset")))
            .Single(n => n.Data["patchwork"]?["series"]?.GetValue<long>() == series && n.Data["patchwork"]?["run"]?.GetValue<int>() == run);
        var parent = (await Stack.Maestro.GetNodeAsync(node.Parent!))!;
        if (parent.State == "running")
        {
            var data = new JsonObject { ["op"] = "created", ["id"] = parent.Id, ["kind"] = "checkout", ["name"] = "checkout", ["state"] = "running" };
            await TarballFixture.Service(Stack, Config).HandleAsync(new MaestroEvent(1, "node", "pipeline", data, "{}"), TestContext.Current.CancellationToken);
        }

        return await PatchsetFixture.PollAsync(Stack, node);
    }

    /// <summary>What the scheduler and a lab would write: a kbuild under the patchset, then jobs under it.</summary>
    public async Task FakeBuildAsync(MaestroNode patchset, string kbuildResult, params (string Job, string Result)[] jobs)
    {
        var kbuild = await Stack.Maestro.CreateNodeAsync(new MaestroNode
        {
            Kind = "kbuild", Name = "kbuild-gcc-12-x86", Path = [.. patchset.Path, "kbuild-gcc-12-x86"], Parent = patchset.Id,
            State = "done", Result = kbuildResult, Treeid = patchset.Treeid,
        });
        foreach (var (job, result) in jobs)
        {
            await Stack.Maestro.CreateNodeAsync(new MaestroNode
            {
                Kind = "job", Name = job, Path = [.. kbuild.Path, job], Parent = kbuild.Id, State = "done", Result = result,
                Treeid = patchset.Treeid, Data = new JsonObject { ["platform"] = "qemu-x86" },
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        Repository.Dispose();
        await Stack.DisposeAsync();
        Directory.Delete(_secrets, recursive: true);
    }
}
