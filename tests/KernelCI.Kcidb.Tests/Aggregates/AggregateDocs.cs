using KernelCI.Kcidb.Store;
using KernelCI.Kcidb.Tests.Store;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>Small KCIDB objects for the aggregate tests: only the fields the aggregates read, the rest absent.</summary>
internal static class AggregateDocs
{
    public static string Build(string id, string checkout, string? status = "PASS") =>
        $$"""{"id": "{{id}}", "origin": "o", "checkout_id": "{{checkout}}"{{Field("status", status)}}}""";

    public static string Test(string id, string build, string? status = null, string? path = "ltp.a", string? platform = null, string? runtime = null, string? compatible = null) =>
        $$"""{"id": "{{id}}", "origin": "o", "build_id": "{{build}}"{{Field("status", status)}}{{Field("path", path)}}""" +
        Environment(platform, compatible) +
        (runtime is null ? "" : $$""", "misc": {"runtime": "{{runtime}}"}""") + "}";

    public static AcceptedSubmission Submission(string id, string[]? builds = null, string[]? tests = null)
    {
        var lists = new List<string>();
        if (builds is not null)
        {
            lists.Add($"\"builds\": [{string.Join(", ", builds)}]");
        }

        if (tests is not null)
        {
            lists.Add($"\"tests\": [{string.Join(", ", tests)}]");
        }

        return KcidbSamples.Submission(id, string.Join(", ", lists));
    }

    private static string Field(string name, string? value) => value is null ? "" : $", \"{name}\": \"{value}\"";

    private static string Environment(string? platform, string? compatible)
    {
        if (platform is null && compatible is null)
        {
            return "";
        }

        var parts = new List<string>();
        if (platform is not null)
        {
            parts.Add($$"""
                "misc": {"platform": "{{platform}}"}
                """);
        }

        if (compatible is not null)
        {
            parts.Add($"\"compatible\": [\"{compatible}\"]");
        }

        return $", \"environment\": {{{string.Join(", ", parts)}}}";
    }
}
