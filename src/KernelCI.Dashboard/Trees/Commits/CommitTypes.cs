using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Trees.Commits;

/// <summary>The `types` parameter of the commit history: which of builds, boots and tests to count (all when absent).</summary>
internal sealed record CommitTypes(bool Builds, bool Boots, bool Tests)
{
    public static CommitTypes From(IQueryCollection query)
    {
        var values = QueryValues.Csv(query, "types", 3);
        if (values.Count == 0)
        {
            return new CommitTypes(true, true, true);
        }

        foreach (var value in values)
        {
            if (value.ToLowerInvariant() is not ("builds" or "boots" or "tests"))
            {
                throw new BadParameterException("types", "must be a comma-separated list of builds, boots and tests");
            }
        }

        bool Has(string type) => values.Any(v => v.Equals(type, StringComparison.OrdinalIgnoreCase));
        return new CommitTypes(Has("builds"), Has("boots"), Has("tests"));
    }
}
