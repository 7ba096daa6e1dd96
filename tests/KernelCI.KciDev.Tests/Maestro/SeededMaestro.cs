using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.KciDev.Tests.Servers;

namespace KernelCI.KciDev.Tests.Maestro;

/// <summary>One Maestro API shared by a test class, seeded as the pipeline leaves a tree: a checkout, two kbuilds
/// (x86_64 pass, arm64 fail) and a baseline boot under the first (kci-dev.md §3.3 names the fields read).</summary>
public sealed class SeededMaestro : IAsyncLifetime
{
    public const string Url = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private MaestroServer? _server;

    internal MaestroServer Server => _server!;

    public MaestroNode Checkout { get; private set; } = null!;

    public MaestroNode BuildX86 { get; private set; } = null!;

    public MaestroNode BuildArm { get; private set; } = null!;

    public MaestroNode Boot { get; private set; } = null!;

    /// <summary>A kci-dev settings file whose default instance points `api` at this server.</summary>
    public string Settings => $"""
        default_instance = "local"
        [local]
        api = "{Server.Url}"
        pipeline = "http://127.0.0.1:9/"
        token = "unused"
        """;

    public async ValueTask InitializeAsync()
    {
        _server = await MaestroServer.StartAsync();
        Checkout = await Create(new MaestroNode { Kind = "checkout", Name = "checkout", Path = ["checkout"], Treeid = "tree-1", State = "available", Data = Data(null) });
        BuildX86 = await Create(Child(Checkout, "kbuild", "kbuild-gcc-12-x86", "done", "pass", "x86_64"));
        BuildArm = await Create(Child(Checkout, "kbuild", "kbuild-gcc-12-arm64", "done", "fail", "arm64"));
        Boot = await Create(Child(BuildX86, "job", "baseline-x86", "done", "pass", "x86_64"));
    }

    public static JsonObject Data(string? arch) => new()
    {
        ["kernel_revision"] = new JsonObject { ["tree"] = "mainline", ["url"] = Url, ["branch"] = "master", ["commit"] = Commit, ["describe"] = "v6.1-ünï" },
        ["arch"] = arch,
    };

    public static MaestroNode Child(MaestroNode parent, string kind, string name, string state, string? result, string arch) => new()
    {
        Kind = kind,
        Name = name,
        Parent = parent.Id,
        Path = [.. parent.Path, name],
        Treeid = parent.Treeid,
        State = state,
        Result = result,
        Data = Data(arch),
    };

    public Task<MaestroNode> Create(MaestroNode node) => Server.Admin.CreateNodeAsync(node, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
