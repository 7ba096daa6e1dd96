using System.Text;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Patchset;

/// <summary>Local patch files checked before sending, as upstream does (kernelci/kci-dev:kcidev/subcommands/patchset.py
/// `load_patch_files`): at most 32, each at most 10 MiB, non-empty, no NUL byte, UTF-8.</summary>
internal static class PatchFiles
{
    public const int MaxPatches = 32;
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<IReadOnlyList<string>> ReadAsync(IReadOnlyList<string> paths, string workingDirectory, CancellationToken cancellationToken)
    {
        if (paths.Count > MaxPatches)
        {
            throw new CliException($"--patch: too many patches: {paths.Count} (maximum {MaxPatches})");
        }

        var patches = new List<string>();
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path, workingDirectory);
            var file = new FileInfo(full);
            if (!file.Exists)
            {
                throw new CliException($"--patch {path}: no such file");
            }

            if (file.Length > MaxBytes)
            {
                throw new CliException($"--patch {path}: patch too large ({file.Length} bytes, maximum {MaxBytes})");
            }

            var bytes = await File.ReadAllBytesAsync(full, cancellationToken);
            if (bytes.Length == 0)
            {
                throw new CliException($"--patch {path}: patch file is empty");
            }

            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                throw new CliException($"--patch {path}: binary content not allowed (a NUL byte)");
            }

            try
            {
                patches.Add(Strict.GetString(bytes));
            }
            catch (DecoderFallbackException)
            {
                throw new CliException($"--patch {path}: not valid UTF-8 text");
            }
        }

        return patches;
    }
}
