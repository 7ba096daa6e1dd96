using KernelCI.Dashboard.Trees;
using KernelCI.Dashboard.Web.Trees;

namespace KernelCI.Dashboard.Web.Builds;

/// <summary>The addresses the build and test pages link to, each id escaped as one path segment (ids carry ':' and
/// whatever else an origin puts in them).</summary>
internal static class DetailsLinks
{
    /// <summary>An id from its route segment. The server decodes every escape of a path but `%2F`, which would split the
    /// segment (dotnet/aspnetcore#11544), so an id with a slash arrives with it still escaped.</summary>
    public static string IdFrom(string segment) => segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The log viewer page (docs/dashboard.md): it fetches the log through the API's proxy.</summary>
    public static string LogViewer(string url) => "/log?url=" + Uri.EscapeDataString(url);

    public static string Test(string id) => "/test/" + TreeUrls.Escape(id);

    public static string Hardware(string platform) => "/hardware/" + TreeUrls.Escape(platform);

    /// <summary>The tree page of a checkout, with its origin when it is not the default one; null when the checkout
    /// lacks a tree name, branch or commit.</summary>
    public static string? Tree(string? treeName, string? branch, string? commit, string? origin) =>
        treeName is null || branch is null || commit is null
            ? null
            : TreeUrls.Details(treeName, branch, commit)
              + (origin is null || origin == TreeScope.DefaultOrigin ? "" : "?origin=" + Uri.EscapeDataString(origin));
}
