using System.Data.Common;
using KernelCI.Data;
using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Trees;

/// <summary>Which checkouts a tree-details request means: a commit (or a tag of it) of one origin, on a branch, and
/// either a repository URL (`tree/{hash}/…?git_url&amp;git_branch`) or a tree name (`tree/{name}/{branch}/{hash}/…`).
/// As upstream's create_checkouts_where_clauses (kernelci/dashboard: backend/kernelCI_app/helpers/treeDetails.py), a
/// missing URL or branch on the hash-only form means the column IS NULL, and the direct form ignores the URL.
/// A `patchset=HASH` parameter narrows the checkouts to those of one applied patchset (KCIDB's `patchset_hash`): the
/// page a Patchwork series' checks link to (docs/integrations.md). Without it every checkout of the commit counts.</summary>
internal sealed record TreeScope(string Commit, string Origin, string? GitUrl, string? GitBranch, string? TreeName, string? Patchset = null)
{
    public const string DefaultOrigin = "maestro";

    public static TreeScope FromHash(string commit, IQueryCollection query) =>
        new(commit, OriginFrom(query), QueryValues.Optional(query, "git_url"), QueryValues.Optional(query, "git_branch"), null, PatchsetFrom(query));

    public static TreeScope Direct(string treeName, string branch, string commit, IQueryCollection query) =>
        new(commit, OriginFrom(query), null, QueryValues.Optional(query, "git_branch") ?? branch, treeName, PatchsetFrom(query));

    /// <summary>`patchset`: a KCIDB patchset hash (64 hex digits, the pipeline's sha256), else 400 naming it.</summary>
    public static string? PatchsetFrom(IQueryCollection query)
    {
        var value = QueryValues.Optional(query, "patchset");
        if (value is not null && (value.Length != 64 || !value.All(char.IsAsciiHexDigitLower)))
        {
            throw new BadParameterException("patchset", "must be a patchset hash (64 lowercase hex digits)");
        }

        return value;
    }

    public static string OriginFrom(IQueryCollection query) => QueryValues.Optional(query, "origin") ?? DefaultOrigin;

    /// <summary>The conditions on a checkouts table aliased <paramref name="alias"/>, other than the commit, with
    /// their parameters added to <paramref name="command"/>.</summary>
    public string Where(DbCommand command, string alias)
    {
        var conditions = new List<string> { $"{alias}.origin = @scope_origin" };
        command.AddParameter("scope_origin", Origin);
        if (Patchset is not null)
        {
            conditions.Add($"{alias}.patchset_hash = @scope_patchset");
            command.AddParameter("scope_patchset", Patchset);
        }
        if (TreeName is not null)
        {
            conditions.Add($"{alias}.tree_name = @scope_tree_name");
            command.AddParameter("scope_tree_name", TreeName);
        }

        if (GitBranch is not null)
        {
            conditions.Add($"{alias}.git_repository_branch = @scope_git_branch");
            command.AddParameter("scope_git_branch", GitBranch);
        }
        else
        {
            conditions.Add($"{alias}.git_repository_branch IS NULL");
        }

        if (TreeName is null || GitBranch is null)
        {
            if (GitUrl is not null)
            {
                conditions.Add($"{alias}.git_repository_url = @scope_git_url");
                command.AddParameter("scope_git_url", GitUrl);
            }
            else if (TreeName is null)
            {
                conditions.Add($"{alias}.git_repository_url IS NULL");
            }
        }

        return string.Join(" AND ", conditions);
    }
}
