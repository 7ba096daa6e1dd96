using System.Globalization;
using KernelCI.Testing;

namespace KernelCI.Bench.Patchwork;

/// <summary>3-patch series mailed with `git format-patch` from the test Linux tree (<see cref="LinuxTree"/>, made from
/// linux-source-6.1), each on the branch head so that every one applies: a new Documentation file, a line in the
/// README and a comment at the end of init/version.c (so the series touches a file the tinyconfig kernel compiles).
/// The commits go to a side branch of the bare repository, never to `main`, which the pipeline's trigger follows.</summary>
internal sealed class LinuxSeries(LinuxTree tree)
{
    public async Task<string> MboxAsync(string tag, string directory)
    {
        var branch = "bench-" + tag;
        await Git.RunAsync(tree.Path, "branch", "--force", branch, "main");
        var readme = await tree.ShowAsync("README");
        var version = await tree.ShowAsync("init/version.c");
        await tree.PushAsync(
        [
            ($"{tag}: Documentation: a note for the Patchwork benchmark",
                new Dictionary<string, string> { [$"Documentation/kernelci/patchwork-{tag}.txt"] = $"Series {tag} of the Patchwork benchmark.\n" }),
            ($"{tag}: README: mention the Patchwork benchmark", new Dictionary<string, string> { ["README"] = readme + $"\nPatchwork benchmark, series {tag}.\n" }),
            ($"{tag}: init/version.c: a comment for the Patchwork benchmark",
                new Dictionary<string, string> { ["init/version.c"] = version + $"\n/* Patchwork benchmark, series {tag}. */\n" }),
        ], branch);
        var mbox = await Git.RunAsync(tree.Path, "format-patch", "--stdout", "--thread=shallow", "--to", "netdev@vger.kernel.org",
            "--add-header=List-Id: <netdev.vger.kernel.org>", $"main..{branch}");
        var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{tag}.mbox"));
        await File.WriteAllTextAsync(path, mbox + "\n");
        return path;
    }
}
