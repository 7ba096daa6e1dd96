using KernelCI.Pipeline.Services.Patchset;

namespace KernelCI.Pipeline.Tests.Services.Patchset;

public sealed class TreeLinksTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("kernelci-links-").FullName;

    [Fact]
    public void New_symlink_after_a_patch_is_refused()
    {
        // Given a tree with one link of its own
        Directory.CreateDirectory(Path.Combine(_root, "scripts"));
        File.CreateSymbolicLink(Path.Combine(_root, "scripts", "old"), "../Makefile");
        var before = TreeLinks.Of(_root);

        // When a patch leaves a new link to /etc behind
        File.CreateSymbolicLink(Path.Combine(_root, "scripts", "etc"), "/etc");

        // Then the comparison names it
        var error = Assert.Throws<PatchRejectedException>(() => before.CheckUnchanged("patch2", TreeLinks.Of(_root)));
        Assert.Equal("patch2: creates the symlink 'scripts/etc' -> '/etc'; symlinks are not accepted", error.Message);
    }

    [Fact]
    public void Retargeted_symlink_is_refused()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "link"), "Makefile");
        var before = TreeLinks.Of(_root);
        File.Delete(Path.Combine(_root, "link"));
        File.CreateSymbolicLink(Path.Combine(_root, "link"), "/etc/passwd");

        Assert.Throws<PatchRejectedException>(() => before.CheckUnchanged("patch0", TreeLinks.Of(_root)));
    }

    [Fact]
    public void Links_the_tree_already_had_pass()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "link"), "Makefile");
        File.WriteAllText(Path.Combine(_root, "Makefile"), "all:\n");
        var before = TreeLinks.Of(_root);
        File.WriteAllText(Path.Combine(_root, "Makefile"), "all: x\n");

        before.CheckUnchanged("patch0", TreeLinks.Of(_root));
    }

    [Fact]
    public void Path_through_an_existing_directory_link_is_refused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_root, "out"), "/tmp");
        var links = TreeLinks.Of(_root);

        var error = Assert.Throws<PatchRejectedException>(() => links.CheckNotThroughLinks("patch1", ["b/out/x.c"]));
        Assert.Equal("patch1: path 'b/out/x.c' goes through the symlink 'out'", error.Message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
