using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Trees.Report;

/// <summary>`tree-report`'s parameters (upstream's TreeReportQueryParameters,
/// kernelci/dashboard:backend/kernelCI_app/typeModels/treeReport.py).</summary>
internal sealed record TreeReportRequest(
    string Origin,
    string GitUrl,
    string GitBranch,
    string? TreeName,
    IReadOnlyList<string> Paths,
    int GroupSize,
    int MinAgeInHours,
    int MaxAgeInHours)
{
    public const int MaxHours = 720;

    /// <summary>Runs per test history; upstream asks for more than 1 and sets no ceiling, ours bounds one request.</summary>
    public const int MaxGroupSize = 100;

    /// <summary>More LIKE patterns than anyone types; each is one OR in the query.</summary>
    public const int MaxPaths = 50;

    public static TreeReportRequest From(IQueryCollection query)
    {
        var paths = query["path"].Where(p => !string.IsNullOrEmpty(p)).Select(p => p!).ToArray();
        if (paths.Length > MaxPaths)
        {
            throw new BadParameterException("path", $"at most {MaxPaths} values");
        }

        if (paths.Any(p => p.Contains('\0', StringComparison.Ordinal)))
        {
            throw new BadParameterException("path", "must not contain NUL");
        }

        var request = new TreeReportRequest(
            QueryValues.Optional(query, "origin") ?? "maestro",
            QueryValues.Required(query, "git_url"),
            QueryValues.Required(query, "git_branch"),
            QueryValues.Optional(query, "tree_name"),
            paths.Length == 0 ? ["%"] : paths,
            QueryValues.Int(query, "group_size", 3, 2, MaxGroupSize),
            QueryValues.Int(query, "min_age_in_hours", 0, 0, MaxHours),
            QueryValues.Int(query, "max_age_in_hours", 24, 1, MaxHours));
        if (request.MinAgeInHours >= request.MaxAgeInHours)
        {
            // Upstream's message (kernelci/dashboard:backend/kernelCI_app/constants/localization.py), naming the parameter.
            throw new BadParameterException("min_age_in_hours", "Minimum age can't be greater than or equal to the maximum age");
        }

        return request;
    }
}
