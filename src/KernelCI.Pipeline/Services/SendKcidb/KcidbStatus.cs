using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Node result and error code → KCIDB status (kernelci/kernelci-pipeline:src/send_kcidb.py; docs/pipeline/kcidb-bridge.md).</summary>
internal static class KcidbStatus
{
    private static readonly HashSet<string> ErrorCodes = ["Canceled", "Infrastructure", "LAVATimeout", "MultinodeTimeout", "Test"];

    private static readonly HashSet<string> MissCodes =
    [
        "Bug", "Configuration", "invalid_job_params", "Job", "job_generation_error", "ObjectNotPersisted",
        "RequestBodyTooLarge", "submit_error", "Unexisting permission codename.", "kbuild_internal_error",
    ];

    public static string? ForBuild(MaestroNode node)
    {
        var code = Json.Str(node.Data, "error_code");
        if (node.Result == "incomplete" && code == "node_timeout")
        {
            return "MISS";
        }

        if (node.Result == "incomplete" || code is not null)
        {
            return "ERROR";
        }

        return Upper(node.Result);
    }

    /// <param name="ancestors">The node's ancestors, nearest first.</param>
    public static string? ForTest(MaestroNode node, IReadOnlyList<MaestroNode> ancestors)
    {
        var code = Json.Str(node.Data, "error_code");
        if (code == "Infrastructure")
        {
            return "ERROR";
        }

        // A leaf of a job that died in the lab did not fail on its own: the infrastructure did.
        if (node.Result is not ("pass" or "skip") && ancestors.Any(a => Json.Str(a.Data, "error_code") == "Infrastructure"))
        {
            return "ERROR";
        }

        if (node.Result == "incomplete")
        {
            return code is not null && ErrorCodes.Contains(code) ? "ERROR"
                : code is not null && MissCodes.Contains(code) ? "MISS"
                : null;
        }

        return Upper(node.Result);
    }

    private static string? Upper(string? result) => result switch
    {
        "pass" => "PASS",
        "fail" => "FAIL",
        "skip" => "SKIP",
        _ => null,
    };
}
