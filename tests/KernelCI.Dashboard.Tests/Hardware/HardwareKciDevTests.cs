using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.KciDev;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Hardware;

/// <summary>Upstream's kci-dev `results hardware …` against a seeded listener: each answer compared with what
/// <see cref="HardwareSeed"/> must give (kci-dev asks for the last 7 days and filters the lists itself).</summary>
public sealed class HardwareKciDevTests
{
    private static async Task<JsonNode?> RunJsonAsync(DatabaseKind kind, params string[] arguments)
    {
        await using var app = await DashboardTestApp.StartAsync(kind, kestrel: true);
        await HardwareSeed.SeedAsync(app, DateTimeOffset.UtcNow);
        using var kciDev = new KciDevClient(app.ApiUrl);

        var result = await kciDev.RunAsync(["results", "hardware", .. arguments, "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Output);
    }

    private static IEnumerable<string> Ids(JsonNode? list) => list!.AsArray().Select(i => (string)i!["id"]!).Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_list_names_each_board_by_its_compatibles_or_platform(DatabaseKind kind)
    {
        var json = await RunJsonAsync(kind, "list");

        Assert.Equal("""[{"name":["google,tomato-rev2","mediatek,mt8195"],"compatibles":"mt8195-cherry-tomato-r2"},{"name":"qemu-x86","compatibles":"qemu-x86"}]""",
            json!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_summary_of_a_compatible_counts_both_trees_heads(DatabaseKind kind)
    {
        var json = await RunJsonAsync(kind, "summary", "--name", HardwareSeed.Compatible);

        Assert.Equal("""{"builds":{"pass":2,"fail":0,"inconclusive":0},"boots":{"pass":3,"fail":0,"inconclusive":0},"tests":{"pass":1,"fail":2,"inconclusive":1}}""",
            json!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_builds_of_a_platform_are_its_real_builds(DatabaseKind kind)
    {
        var json = await RunJsonAsync(kind, "builds", "--name", HardwareSeed.Board);

        Assert.Equal(["maestro:b1", "maestro:b4"], Ids(json));
        var b1 = json!.AsArray().Single(b => (string?)b!["id"] == "maestro:b1")!;
        Assert.Equal("defconfig", (string?)b1["config"]);
        Assert.Equal("arm64", (string?)b1["arch"]);
        Assert.Equal("gcc-12", (string?)b1["compiler"]);
        Assert.Equal("PASS", (string?)b1["status"]);
        Assert.Equal("https://storage.example.org/maestro:b1/build.log", (string?)b1["log"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_boots_with_the_fail_status(DatabaseKind kind)
    {
        var json = await RunJsonAsync(kind, "boots", "--name", HardwareSeed.Qemu, "--status", "fail");

        var boot = Assert.Single(json!.AsArray())!;
        Assert.Equal("maestro:t5", (string?)boot["id"]);
        Assert.Equal("FAIL", (string?)boot["status"]);
        Assert.Equal(HardwareSeed.Qemu, (string?)boot["hardware"]);
        Assert.Equal("x86_64_defconfig", (string?)boot["config"]);
        // Upstream's hardware items carry `lab`, not `misc`, so kci-dev prints no runtime for them.
        Assert.Null(boot["runtime"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_tests_with_status_and_path_filters(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind, kestrel: true);
        await HardwareSeed.SeedAsync(app, DateTimeOffset.UtcNow);
        using var kciDev = new KciDevClient(app.ApiUrl);

        var failed = await kciDev.RunAsync("results", "hardware", "tests", "--name", HardwareSeed.Compatible, "--status", "fail", "--json");
        var kselftests = await kciDev.RunAsync("results", "hardware", "tests", "--name", HardwareSeed.Compatible, "--test-path", "kselftest*", "--json");
        var inconclusive = await kciDev.RunAsync("results", "hardware", "tests", "--name", HardwareSeed.Compatible, "--status", "inconclusive",
            "--count", "--json");

        Assert.Equal(["maestro:t2", "maestro:t3"], Ids(JsonNode.Parse(failed.Output)));
        Assert.Equal(["maestro:t11", "maestro:t3", "maestro:t4"], Ids(JsonNode.Parse(kselftests.Output)));
        Assert.Equal("""{"count":1}""", JsonNode.Parse(inconclusive.Output)!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_builds_with_status_and_compiler_filters(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind, kestrel: true);
        await HardwareSeed.SeedAsync(app, DateTimeOffset.UtcNow);
        using var kciDev = new KciDevClient(app.ApiUrl);

        var failed = await kciDev.RunAsync("results", "hardware", "builds", "--name", HardwareSeed.Qemu, "--status", "fail", "--json");
        var gcc = await kciDev.RunAsync("results", "hardware", "builds", "--name", HardwareSeed.Board, "--compiler", "clang-17", "--json");

        Assert.Equal(["maestro:b2"], Ids(JsonNode.Parse(failed.Output)));
        Assert.Empty(JsonNode.Parse(gcc.Output)!.AsArray());
    }

    [Fact]
    public async Task Hardware_summary_of_an_unknown_board_stops_on_upstreams_error()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        await HardwareSeed.SeedAsync(app, DateTimeOffset.UtcNow);
        using var kciDev = new KciDevClient(app.ApiUrl);

        var result = await kciDev.RunAsync("results", "hardware", "summary", "--name", "no-such-board", "--json");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("This hardware isn't associated with any commit", result.Output + result.Error);
    }
}
