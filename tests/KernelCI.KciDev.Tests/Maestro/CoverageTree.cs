using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.KciDev.Tests.Servers;

namespace KernelCI.KciDev.Tests.Maestro;

/// <summary>A Maestro API holding chromiumos coverage as the pipeline leaves it: a passed kbuild, its passed
/// `coverage-report` process node with artifacts, and the `coverage.functions` / `coverage.lines` test nodes; plus a
/// mainline build whose report has no test nodes (skipped).</summary>
public sealed class CoverageTree : IAsyncLifetime
{
    private MaestroServer? _maestro;

    internal MaestroServer Maestro => _maestro!;

    public string BuildId { get; private set; } = "";

    public string Settings => $"""
        default_instance = "local"
        [local]
        api = "{Maestro.Url}"
        """;

    public async ValueTask InitializeAsync()
    {
        _maestro = await MaestroServer.StartAsync();
        var build = await Create(Node("kbuild", "kbuild-gcc-12-x86-coverage", null, "chromiumos", "chromeos-6.6"));
        BuildId = build.Id!;
        var report = await Create(Node("process", "coverage-report-x86", build, "chromiumos", "chromeos-6.6") with
        {
            Artifacts = new Dictionary<string, string> { ["coverage_report"] = "https://storage.example.org/cov/index.html", ["log"] = "https://storage.example.org/cov/log.txt" },
        });
        await Create(Measured(report, "coverage.functions", 45.5));
        await Create(Measured(report, "coverage.lines", 30));
        var other = await Create(Node("kbuild", "kbuild-mainline", null, "mainline", "master"));
        await Create(Node("process", "coverage-report-mainline", other, "mainline", "master") with { Artifacts = new Dictionary<string, string> { ["log"] = "https://storage.example.org/m/log.txt" } });
    }

    private static MaestroNode Node(string kind, string name, MaestroNode? parent, string tree, string branch) => new()
    {
        Kind = kind,
        Name = name,
        Parent = parent?.Id,
        Path = [.. parent?.Path ?? ["checkout"], name],
        State = "done",
        Result = "pass",
        Data = new JsonObject { ["kernel_revision"] = Revision(tree, branch) },
    };

    private static MaestroNode Measured(MaestroNode parent, string name, double value) => Node("test", name, parent, "chromiumos", "chromeos-6.6") with
    {
        Data = new JsonObject { ["kernel_revision"] = Revision("chromiumos", "chromeos-6.6"), ["misc"] = new JsonObject { ["measurement"] = value } },
    };

    private static JsonObject Revision(string tree, string branch) => new()
    {
        ["tree"] = tree, ["url"] = "https://chromium.googlesource.com/chromiumos/third_party/kernel", ["branch"] = branch,
        ["commit"] = "abcdef0123456789abcdef0123456789abcdef01",
    };

    private Task<MaestroNode> Create(MaestroNode node) => Maestro.Admin.CreateNodeAsync(node, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_maestro is not null)
        {
            await _maestro.DisposeAsync();
        }
    }
}
