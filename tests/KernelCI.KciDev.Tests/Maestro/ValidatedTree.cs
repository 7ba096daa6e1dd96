using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.KciDev.Tests.Servers;

namespace KernelCI.KciDev.Tests.Maestro;

/// <summary>A Maestro API and a dashboard that mostly agree about one checkout: kbuilds x86_64 (pass, PASS), arm64
/// (fail, but PASS on the dashboard) and riscv (pass, missing from the dashboard), and a baseline boot on both.</summary>
public sealed class ValidatedTree : IAsyncLifetime
{
    private MaestroServer? _maestro;
    private DashboardServer? _dashboard;

    internal MaestroServer Maestro => _maestro!;

    public string CheckoutId { get; private set; } = "";

    public string X86 { get; private set; } = "";

    public string Arm { get; private set; } = "";

    public string Riscv { get; private set; } = "";

    public string Boot { get; private set; } = "";

    public string Settings => $"""
        default_instance = "local"
        [local]
        api = "{Maestro.Url}"
        pipeline = "http://127.0.0.1:9/"
        token = "unused"
        dashboard_api = "{_dashboard!.ApiUrl}"
        """;

    public async ValueTask InitializeAsync()
    {
        _maestro = await MaestroServer.StartAsync();
        _dashboard = await DashboardServer.StartAsync();
        var checkout = await Create(new MaestroNode
        {
            Kind = "checkout", Name = "checkout", Path = ["checkout"], Treeid = "t", State = "done", Result = "pass", Data = SeededMaestro.Data(null),
        });
        CheckoutId = checkout.Id!;
        var x86 = await Create(SeededMaestro.Child(checkout, "kbuild", "kbuild-x86", "done", "pass", "x86_64"));
        X86 = x86.Id!;
        Arm = (await Create(SeededMaestro.Child(checkout, "kbuild", "kbuild-arm64", "done", "fail", "arm64"))).Id!;
        Riscv = (await Create(SeededMaestro.Child(checkout, "kbuild", "kbuild-riscv", "done", "pass", "riscv"))).Id!;
        Boot = (await Create(SeededMaestro.Child(x86, "job", "baseline-x86", "done", "pass", "x86_64"))).Id!;

        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await _dashboard.SeedAsync(new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray(new JsonObject
            {
                ["id"] = "maestro:" + CheckoutId, ["origin"] = "maestro", ["tree_name"] = "mainline", ["git_repository_url"] = SeededMaestro.Url,
                ["git_repository_branch"] = "master", ["git_commit_hash"] = SeededMaestro.Commit, ["start_time"] = now, ["valid"] = true,
            }),
            ["builds"] = new JsonArray(Build(X86, "x86_64", now), Build(Arm, "arm64", now)),
            ["tests"] = new JsonArray(new JsonObject
            {
                ["id"] = "maestro:" + Boot, ["origin"] = "maestro", ["build_id"] = "maestro:" + X86, ["path"] = "boot", ["status"] = "PASS",
                ["start_time"] = now, ["environment"] = new JsonObject { ["misc"] = new JsonObject { ["platform"] = "qemu-x86" } },
            }),
        }.ToJsonString());
    }

    private JsonObject Build(string id, string arch, string now) => new()
    {
        ["id"] = "maestro:" + id, ["origin"] = "maestro", ["checkout_id"] = "maestro:" + CheckoutId, ["architecture"] = arch,
        ["config_name"] = "defconfig", ["compiler"] = "gcc-12", ["status"] = "PASS", ["start_time"] = now,
    };

    private Task<MaestroNode> Create(MaestroNode node) => Maestro.Admin.CreateNodeAsync(node, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_maestro is not null)
        {
            await _maestro.DisposeAsync();
        }

        if (_dashboard is not null)
        {
            await _dashboard.DisposeAsync();
        }
    }
}
