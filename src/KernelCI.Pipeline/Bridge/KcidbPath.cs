using System.Text.RegularExpressions;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Bridge;

/// <summary>Node path → KCIDB test path (maestro-pipeline.md §5 "Path"): `[checkout, kbuild-x, baseline-arm64]` →
/// `boot`.</summary>
internal static partial class KcidbPath
{
    /// <summary>The KCIDB path, or null when the test is not sent (unmapped job, or a setup step).</summary>
    /// <param name="underKbuild">Whether the node hangs from a kbuild (its path's second element) rather than
    /// directly from the checkout (kunit and other checkout-level jobs).</param>
    public static string? Map(IReadOnlyList<string> path, bool underKbuild, PipelineConfig config)
    {
        if (path.Contains("setup") && !path.Contains("os-release"))
        {
            return null;
        }

        var parts = path.Skip(underKbuild ? 2 : 1).ToList();
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
