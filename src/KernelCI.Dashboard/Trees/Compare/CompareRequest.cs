using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Trees.Compare;

/// <summary>The compare endpoints' query (upstream's TreeCompareQueryParameters): two commit hashes and the origin.</summary>
internal sealed record CompareRequest(string HashA, string HashB, string Origin)
{
    public static CompareRequest From(IQueryCollection query)
    {
        var a = QueryValues.Optional(query, "hash_a");
        var b = QueryValues.Optional(query, "hash_b");
        if (a is null || b is null)
        {
            // Upstream's message, which names both.
            throw new BadParameterException(a is null ? "hash_a" : "hash_b", "hash_a and hash_b are required");
        }

        return new CompareRequest(a, b, QueryValues.Optional(query, "origin") ?? "maestro");
    }
}
