using KernelCI.Dashboard.Http;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Web.Trees;

/// <summary>The quick status filter above a table (`status=all|success|failed|inconclusive`, upstream's tableFilter
/// values: kernelci/dashboard:dashboard/src/types/tree/TreeDetails.tsx).</summary>
internal static class TableStatus
{
    public static string From(IQueryCollection query) => QueryValues.Optional(query, "status") switch
    {
        null or "all" => "all",
        "success" => "success",
        "failed" => "failed",
        "inconclusive" => "inconclusive",
        _ => throw new BadParameterException("status", "must be all, success, failed or inconclusive"),
    };

    public static bool Matches(string filter, string status) => filter switch
    {
        "success" => status == "PASS",
        "failed" => status == "FAIL",
        "inconclusive" => status is not ("PASS" or "FAIL"),
        _ => true,
    };
}
