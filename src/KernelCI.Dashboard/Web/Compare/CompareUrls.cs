using KernelCI.Dashboard.Web.Trees;

namespace KernelCI.Dashboard.Web.Compare;

/// <summary>The compare page's address, upstream's `/tree/{name}/{branch}/compare?hashA&amp;hashB`
/// (kernelci/dashboard:dashboard/src/routes/_main/tree/$treeName/$branch/compare), and the item pages its rows open.</summary>
internal static class CompareUrls
{
    public static string Page(string treeName, string branch) => TreeUrls.Branch(treeName, branch) + "/compare";

    public static string Test(string id) => "/test/" + TreeUrls.Escape(id);
}
