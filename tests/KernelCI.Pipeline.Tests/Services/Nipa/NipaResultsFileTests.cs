using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Services.Nipa;

namespace KernelCI.Pipeline.Tests.Services.Nipa;

/// <summary>The results file's fields against NIPA's format (docs/integrations.md, "NIPA"; the contract's §1.4).</summary>
public sealed class NipaResultsFileTests
{
    private static readonly DateTime T0 = new(2026, 12, 5, 15, 20, 0, DateTimeKind.Utc);

    private static readonly MaestroNode Checkout = new()
    {
        Id = "c1", Kind = "checkout", Name = "checkout", State = "done", Result = "pass", Treeid = "t", Created = T0, Updated = T0.AddMinutes(2),
        Submitter = "service:pipeline",
        Data = new JsonObject
        {
            ["kernel_revision"] = new JsonObject
            {
                ["tree"] = "netdev-testing", ["branch"] = "net-next-2026-12-05--15-00", ["commit"] = "abc123", ["url"] = "https://example.org/testing.git",
            },
        },
    };

    private static MaestroNode Node(string id, string kind, string name, string parent, string? result, double seconds = 0, string? platform = null,
        int retry = 0) => new()
    {
        Id = id, Kind = kind, Name = name, Parent = parent, State = "done", Result = result, Treeid = "t", RetryCounter = retry,
        Created = T0.AddMinutes(1), Updated = T0.AddMinutes(1).AddSeconds(seconds),
        Data = platform is null ? [] : new JsonObject { ["platform"] = platform },
    };

    private static readonly NipaOptions Options = new()
    {
        Executor = "kernelci-test", DashboardUrl = "https://dashboard.example.org/",
        Devices = new Dictionary<string, string> { ["supermicro"] = """{"driver": "mlx5_core", "versions": {"fixed": {"board.part_number": "MCX755106AC-HEAT"}}}""" },
    };

    [Fact]
    public void Results_file_matches_the_golden_file_field_for_field()
    {
        IReadOnlyList<MaestroNode> nodes =
        [
            Node("k1", "kbuild", "kbuild-gcc-14-x86", "c1", "pass", 300),
            Node("j1", "job", "blktests-ddp-x86", "k1", "pass", 60, "supermicro"),
            Node("t1", "test", "nvme_ddp_basic", "j1", "pass"),
            Node("t2", "test", "nvme_ddp_offload", "j1", "fail", 12.5),
            Node("s1", "test", "crc", "t2", "pass"),
            Node("s2", "test", "ddp", "t2", "fail"),
            Node("t3", "test", "nvme_tls", "j1", "skip"),
            Node("j2", "job", "baseline-x86", "k1", "incomplete", 1, "qemu-x86"),
            Node("j3", "job", "baseline-x86", "k1", "pass", 2, "qemu-x86", retry: 1),
            Node("j4", "job", "kselftest-net", "k1", null, 0, "qemu-x86"),
        ];

        var file = NipaResultsFile.Build("kernelci-test", Checkout, nodes, Options, new Dictionary<string, PlatformConfig>(), "maestro");

        var golden = JsonNode.Parse("""
            {
              "executor": "kernelci-test",
              "branch": "net-next-2026-12-05--15-00",
              "start": "2026-12-05 15:20:00.000000+00:00",
              "end": "2026-12-05 15:26:00.000000+00:00",
              "link": "https://dashboard.example.org/tree/netdev-testing/net-next-2026-12-05--15-00/abc123",
              "device": {"driver": "mlx5_core", "versions": {"fixed": {"board.part_number": "MCX755106AC-HEAT"}}},
              "results": [
                {"group": "kbuild", "test": "kbuild-gcc-14-x86", "result": "pass",
                 "link": "https://dashboard.example.org/build/maestro%3Ak1", "time": 300},
                {"group": "baseline-x86", "test": "baseline-x86", "result": "pass",
                 "link": "https://dashboard.example.org/test/maestro%3Aj3", "time": 2},
                {"group": "blktests-ddp-x86", "test": "nvme_ddp_basic", "result": "pass",
                 "link": "https://dashboard.example.org/test/maestro%3At1"},
                {"group": "blktests-ddp-x86", "test": "nvme_ddp_offload", "result": "fail",
                 "link": "https://dashboard.example.org/test/maestro%3At2", "time": 12.5,
                 "results": [{"test": "crc", "result": "pass"}, {"test": "ddp", "result": "fail"}]},
                {"group": "blktests-ddp-x86", "test": "nvme_tls", "result": "skip",
                 "link": "https://dashboard.example.org/test/maestro%3At3"},
                {"group": "kselftest-net", "test": "kselftest-net", "result": "warn",
                 "link": "https://dashboard.example.org/test/maestro%3Aj4"}
              ]
            }
            """);
        Assert.True(JsonNode.DeepEquals(golden, file), file.ToJsonString());
        Assert.Equal(["executor", "branch", "start", "end", "link", "device", "results"], file.Select(p => p.Key));
    }

    [Theory]
    [InlineData("pass", "pass")]
    [InlineData("skip", "skip")]
    [InlineData("fail", "fail")]
    [InlineData("incomplete", "warn")]
    [InlineData(null, "warn")]
    public void Results_map_to_nipa_words_and_skip_stays_skip(string? maestro, string nipa) =>
        Assert.Equal(nipa, NipaResultsFile.Result(maestro));

    [Fact]
    public void A_run_on_qemu_only_has_no_device_and_no_links_without_a_dashboard()
    {
        IReadOnlyList<MaestroNode> nodes = [Node("k1", "kbuild", "kbuild", "c1", "pass"), Node("j1", "job", "baseline", "k1", "pass", 1, "qemu-arm64")];
        var platforms = new Dictionary<string, PlatformConfig>
        {
            ["x86-vm"] = new("x86-vm", "x86_64", "grub", "qemu", null, [], "qemu", [], [], Rules.None),
        };

        var file = NipaResultsFile.Build("e", Checkout, nodes, new NipaOptions(), platforms, "maestro");
        var withVm = NipaResultsFile.Build("e", Checkout, [.. nodes, Node("j2", "job", "b2", "k1", "pass", 1, "x86-vm")], new NipaOptions(), platforms, "maestro");

        Assert.False(file.ContainsKey("device"));
        Assert.False(file.ContainsKey("link"));
        Assert.False(withVm.ContainsKey("device"));
        Assert.All(file["results"]!.AsArray(), r => Assert.False(r!.AsObject().ContainsKey("link")));
    }

    [Fact]
    public void An_unlisted_hardware_platform_is_named_as_the_device()
    {
        IReadOnlyList<MaestroNode> nodes = [Node("j1", "job", "baseline", "c1", "pass", 1, "rk3399-gru-kevin")];

        var file = NipaResultsFile.Build("e", Checkout, nodes, new NipaOptions(), new Dictionary<string, PlatformConfig>(), "maestro");

        Assert.Equal("rk3399-gru-kevin", file["device"]!.GetValue<string>());
    }
}
