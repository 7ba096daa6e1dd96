namespace KernelCI.Dashboard.Web.Trees;

/// <summary>Upstream's page URL shapes (kernelci/dashboard:dashboard/src/routes/_main/tree): each segment escaped, so
/// a branch with a slash travels as one segment (`pending-fixes%2Fsub`), as upstream's router encodes it.</summary>
internal static class TreeUrls
{
    public static string Branch(string treeName, string branch) => $"/tree/{Escape(treeName)}/{Escape(branch)}";

    public static string Details(string treeName, string branch, string commit) => $"{Branch(treeName, branch)}/{Escape(commit)}";

    public static string Build(string id) => "/build/" + Escape(id);

    public static string Escape(string segment) => Uri.EscapeDataString(segment);
}
