using System.Text;

namespace KernelCI.KciDev.Mcp;

/// <summary>The checks kci-dev makes on patches before sending them (kci-dev.md §2.1, `patchset`): at most 32, each
/// non-empty, at most 10 MiB, without NUL bytes.</summary>
internal static class PatchLimits
{
    public const int MaxPatches = 32;
    public const int MaxBytes = 10 * 1024 * 1024;

    public static void Check(IReadOnlyList<string> patches)
    {
        if (patches.Count > MaxPatches)
        {
            throw new ToolArgumentException("patches", $"at most {MaxPatches} patches, got {patches.Count}");
        }

        for (var i = 0; i < patches.Count; i++)
        {
            if (patches[i].Contains('\0', StringComparison.Ordinal))
            {
                throw new ToolArgumentException("patches", $"patch {i + 1} has a NUL byte");
            }

            if (Encoding.UTF8.GetByteCount(patches[i]) > MaxBytes)
            {
                throw new ToolArgumentException("patches", $"patch {i + 1} is larger than 10 MiB");
            }
        }
    }
}
