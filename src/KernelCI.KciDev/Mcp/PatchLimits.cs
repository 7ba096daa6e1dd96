using System.Text;
using KernelCI.KciDev.Patchset;

namespace KernelCI.KciDev.Mcp;

/// <summary>The checks kci-dev makes on patches before sending them (kci-dev.md §2.1, `patchset`): at most 32, each
/// non-empty, at most 10 MiB, without NUL bytes.</summary>
internal static class PatchLimits
{
    // The limits are patchset's own (Patchset/PatchFiles), so the tool and the command refuse the same patches.
    private const int MaxPatches = PatchFiles.MaxPatches;
    private const long MaxBytes = PatchFiles.MaxBytes;

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
