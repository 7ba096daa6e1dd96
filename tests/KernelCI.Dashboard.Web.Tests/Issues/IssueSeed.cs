using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests;

namespace KernelCI.Dashboard.Web.Tests.Issues;

/// <summary><see cref="WebSeed"/> and two more issues: "timers nanosleep fails" (culprit tool, versions 1 and 2, an
/// incident of each on the test kselftest.timers.nanosleep) and "harness lost the board" (culprit harness, no
/// incident: the listing keeps it, without a first seen).</summary>
internal static class IssueSeed
{
    public const string Timers = "maestro:issue-timers";
    public const string Gpu = "maestro:issue-gpu";

    public static async Task SeedAsync(DashboardTestApp app)
    {
        await WebSeed.SeedAsync(app);
        await app.SeedAsync(Document().ToJsonString());
    }

    private static JsonObject Document() => new()
    {
        ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
        ["issues"] = new JsonArray
        {
            Issue(Timers, 1, "timers nanosleep fails", "tool"),
            Issue(Timers, 2, "timers nanosleep fails", "tool"),
            Issue("maestro:issue-harness", 1, "harness lost the board", "harness"),
        },
        ["incidents"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = "maestro:inc-timers-1", ["origin"] = "maestro", ["issue_id"] = Timers, ["issue_version"] = 1,
                ["test_id"] = "maestro:t-nanosleep", ["present"] = true,
            },
            new JsonObject
            {
                ["id"] = "maestro:inc-timers", ["origin"] = "maestro", ["issue_id"] = Timers, ["issue_version"] = 2,
                ["test_id"] = "maestro:t-nanosleep", ["present"] = true,
            },
        },
    };

    private static JsonObject Issue(string id, int version, string comment, string culprit) => new()
    {
        ["id"] = id, ["version"] = version, ["origin"] = "maestro", ["comment"] = comment,
        ["report_url"] = "https://lore.kernel.org/" + id[8..],
        ["culprit"] = new JsonObject { [culprit] = true },
    };
}
