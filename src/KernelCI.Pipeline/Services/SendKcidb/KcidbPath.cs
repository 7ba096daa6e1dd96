using System.Text.RegularExpressions;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>Node path → KCIDB test path (kernelci/kernelci-pipeline:src/send_kcidb.py; docs/pipeline/kcidb-bridge.md): `[checkout, kbuild-x, baseline-arm64]` →
/// `boot`, and the same under a patchset: `[checkout, patchset, kbuild-x, baseline-arm64]` → `boot`.</summary>
internal static partial class KcidbPath
{
    /// <summary>The KCIDB path, or null when the test is not sent (unmapped job, or a setup step).</summary>
    /// <param name="buildDepth">The length of the path of the node the test hangs from in KCIDB: its kbuild, or for
    /// a checkout-level job (kunit) its checkout. Counting it from that node rather than assuming `[checkout, kbuild]`
    /// is what keeps a patchset's tree (`[checkout, patchset, kbuild, …]`) from losing its job level.</param>
    public static string? Map(IReadOnlyList<string> path, int buildDepth, PipelineConfig config)
    {
        if (path.Contains("setup") && !path.Contains("os-release"))
        {
            return null;
        }

        var parts = path.Skip(buildDepth).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        // A job whose single suite shares its name (kselftest-dt → kselftest-dt → case) is one level, not two.
        if (parts.Count >= 2 && parts[0] == parts[1])
        {
            parts.RemoveAt(0);
        }

        if (!config.Jobs.TryGetValue(parts[0], out var job) || string.IsNullOrEmpty(job.KcidbTestSuite))
        {
            return null;
        }

        parts[0] = job.KcidbTestSuite;
        return Unsafe().Replace(string.Join('.', parts), "_").Trim();
    }

    [GeneratedRegex("[^.a-zA-Z0-9_-]")]
    private static partial Regex Unsafe();
}
