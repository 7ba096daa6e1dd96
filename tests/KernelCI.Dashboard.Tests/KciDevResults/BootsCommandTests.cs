using KernelCI.Dashboard.Tests.Trees;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Our `results boots` against the seeded dashboard.</summary>
public sealed class BootsCommandTests(ResultsServer server) : IClassFixture<ResultsServer>
{
    private static readonly string[] Head = BuildsCommandTests.Head;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boots_lists_only_boots(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "boots", "--json", .. Head]);

        Assert.Equal(["maestro:t-boot-rock", "maestro:t-boot-rpi"], run.Ids());
        Assert.All(run.Json().AsArray(), b => Assert.Equal("boot", (string?)b!["test_path"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boot_origin_is_sent_as_the_servers_filter(DatabaseKind kind)
    {
        var maestro = await server.OursAsync(kind, ["results", "boots", "--boot-origin", "maestro", "--json", .. Head]);
        var other = await server.OursAsync(kind, ["results", "boots", "--boot-origin", "microsoft", "--json", .. Head]);

        Assert.Equal(["maestro:t-boot-rock", "maestro:t-boot-rpi"], maestro.Ids());
        Assert.Equal($"/api/tree/{TreeSeed.HeadCommit}/boots?{BuildsCommandTests.HeadQuery}&filter_boot.origin=maestro&limit=1000",
            Assert.Single(maestro.Requests).PathAndQuery);
        Assert.Empty(other.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boots_by_status_and_hardware(DatabaseKind kind)
    {
        var failed = await server.OursAsync(kind, ["results", "boots", "--status", "fail", "--json", .. Head]);
        var rock = await server.OursAsync(kind, ["results", "boots", "--hardware", "rockchip,*", "--json", .. Head]);

        Assert.Equal(["maestro:t-boot-rpi"], failed.Ids());
        Assert.Equal(["maestro:t-boot-rock"], rock.Ids());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boots_text_colours_nothing_off_a_terminal(DatabaseKind kind)
    {
        var run = await server.OursAsync(kind, ["results", "boots", "--status", "fail", .. Head]);

        Assert.StartsWith("- test path: boot\n  hardware: bcm2711-rpi-4-b\n  compatibles: raspberrypi,4-model-b | brcm,bcm2711\n", run.Output);
        Assert.Contains("  status:FAIL\n", run.Output);
        Assert.DoesNotContain("\u001b[", run.Output);
    }
}
