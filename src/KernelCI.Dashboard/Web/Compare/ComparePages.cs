using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Web.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace KernelCI.Dashboard.Web.Compare;

/// <summary>`/tree/{name}/{branch}/compare?hashA=&amp;hashB=` (upstream's revision compare, dashboard.md §2): the literal
/// `compare` segment wins over the tree pages' `/tree/{**path}`, so a commit is never read from it. A branch with a
/// slash travels escaped as one segment (`pending-fixes%2Fsub`), as on the tree pages.</summary>
internal static class ComparePages
{
    private const int MaxSegment = 512;

    public static RouteGroupBuilder MapComparePages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/tree/{treeName}/{branch}/compare", CompareAsync);
        return pages;
    }

    private static async Task<IResult> CompareAsync(string treeName, string branch, HttpContext http, DashboardDb db, ILoggerFactory logs,
        CancellationToken cancellationToken)
    {
        // The router leaves `%2F` escaped inside a segment.
        (treeName, branch) = (Segment(treeName, "tree"), Segment(Uri.UnescapeDataString(branch), "branch"));
        var (view, notFound) = await CompareReader.ReadAsync(db, http, treeName, branch, cancellationToken);
        if (view is null)
        {
            return PageResults.NotFound(notFound!);
        }

        CompareLog.Compared(logs.CreateLogger(CompareLog.Category), treeName, branch, view.A?.Hash, view.B?.Hash, view.Matching, view.Tab);
        return PageResults.Page<ComparePage>(view);
    }

    // Names go to the database as parameters; control characters (NUL above all, which PostgreSQL refuses) never name one.
    private static string Segment(string value, string name) =>
        value.Length > MaxSegment || value.Any(char.IsControl)
            ? throw new BadParameterException(name, $"at most {MaxSegment} characters without control characters")
            : value;
}
