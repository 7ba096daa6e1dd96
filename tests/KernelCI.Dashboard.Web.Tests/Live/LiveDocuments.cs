using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Web.Tests.Live;

/// <summary>KCIDB documents that add results to a checkout of <see cref="WebSeed"/> while a page follows it.</summary>
internal static class LiveDocuments
{
    public const string HeadCheckout = "maestro:ck-head";
    public const string OtherCheckout = "maestro:ck-next";

    public const string CheckoutCommit = "4444444444444444444444444444444444444444";

    /// <summary>A lone checkout of mainline/master, for a dashboard started without <see cref="WebSeed"/>.</summary>
    public static string Checkout() => new JsonObject
    {
        ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
        ["checkouts"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = "maestro:ck-lone", ["origin"] = "maestro", ["tree_name"] = "mainline", ["git_repository_branch"] = "master",
                ["git_repository_url"] = WebSeed.MainlineUrl, ["git_commit_hash"] = CheckoutCommit,
            },
        },
    }.ToJsonString();

    public static string Build(string id, string checkoutId, string status) => new JsonObject
    {
        ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
        ["builds"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = id, ["checkout_id"] = checkoutId, ["origin"] = "maestro", ["status"] = status,
                ["architecture"] = "riscv", ["compiler"] = "gcc-13", ["config_name"] = "live-" + id,
                ["start_time"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            },
        },
    }.ToJsonString();

    public static string Boot(string id, string buildId, string status) => new JsonObject
    {
        ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
        ["tests"] = new JsonArray
        {
            new JsonObject { ["id"] = id, ["build_id"] = buildId, ["origin"] = "maestro", ["path"] = "boot", ["status"] = status },
        },
    }.ToJsonString();
}
