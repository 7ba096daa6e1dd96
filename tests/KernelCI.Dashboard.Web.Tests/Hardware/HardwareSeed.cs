using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests;

namespace KernelCI.Dashboard.Web.Tests.Hardware;

/// <summary><see cref="WebSeed"/> and a boot on rk3399-rock-pi-4b of next/pending-fixes/sub's build, so that the board
/// ran two trees: mainline (tree index 0) and next (index 1).
/// That boot names the compatibles radxa,rockpi4b and <see cref="Compatible"/>.</summary>
internal static class HardwareSeed
{
    public const string Compatible = "rockchip,rk3399";

    public static async Task SeedAsync(DashboardTestApp app)
    {
        await WebSeed.SeedAsync(app);
        await app.SeedAsync(new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["tests"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "maestro:t-next-boot", ["build_id"] = "maestro:b-next", ["origin"] = "maestro", ["path"] = "boot", ["status"] = "PASS",
                    ["start_time"] = WebSeed.HeadStart.AddHours(2).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    ["environment"] = new JsonObject
                    {
                        ["compatible"] = new JsonArray("radxa,rockpi4b", Compatible),
                        ["misc"] = new JsonObject { ["platform"] = "rk3399-rock-pi-4b" },
                    },
                },
            },
        }.ToJsonString());
    }
}
