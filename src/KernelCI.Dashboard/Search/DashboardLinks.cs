using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Search;

/// <summary>The web dashboard's page addresses (kernelci/dashboard:dashboard/src/routes): on Dashboard:PublicUrl when
/// set, else on the address the request reached.</summary>
internal sealed class DashboardLinks(string root)
{
    public static DashboardLinks For(HttpContext http, DashboardOptions options) =>
        new(options.PublicUrl.Length > 0
            ? options.PublicUrl.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}");

    public string Tree(string? treeName, string? branch, string? hash)
    {
        // The page needs the tree and the branch; a checkout without them is still reachable by its hash (the legacy route).
        if (treeName is null || branch is null)
        {
            return hash is null ? root + "/tree" : $"{root}/tree/{Segment(hash)}";
        }

        var tree = $"{root}/tree/{Segment(treeName)}/{Segment(branch)}";
        return hash is null ? tree : $"{tree}/{Segment(hash)}";
    }

    public string Build(string id) => $"{root}/build/{Segment(id)}";

    public string Test(string id) => $"{root}/test/{Segment(id)}";

    public string Issue(string id) => $"{root}/issue/{Segment(id)}";

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
