using System.Text;
using KernelCI.Pipeline.Services.Patchset;

namespace KernelCI.Pipeline.Tests.Services.Patchset;

public sealed class PatchValidatorTests
{
    [Theory]
    [InlineData("diff --git a/x.bin b/x.bin\nindex 1111111..2222222 100644\nGIT binary patch\nliteral 4\n", "binary patches")]
    [InlineData("diff --git a/x.bin b/x.bin\nBinary files a/x.bin and b/x.bin differ\n", "binary patches")]
    [InlineData("diff --git a/link b/link\nnew file mode 120000\n--- /dev/null\n+++ b/link\n@@ -0,0 +1 @@\n+/etc/passwd\n", "symlinks")]
    [InlineData("diff --git a/f b/f\nold mode 100644\nnew mode 120000\n", "symlinks")]
    [InlineData("--- a/../outside.c\n+++ b/../outside.c\n@@ -1 +1 @@\n-a\n+b\n", "path 'a/../outside.c' leaves the tree")]
    [InlineData("--- /etc/passwd\n+++ /etc/passwd\n@@ -1 +1 @@\n-a\n+b\n", "absolute path '/etc/passwd'")]
    [InlineData("--- a/.git/config\n+++ b/.git/config\n@@ -1 +1 @@\n-a\n+b\n", "path 'a/.git/config' touches .git")]
    [InlineData("diff --git a/x b/x\nrename from x\nrename to sub/../../y\n", "path 'sub/../../y' leaves the tree")]
    [InlineData("--- a/hooks\n+++ b/hooks\n@@ -1 +1 @@\n-a\n+\0\n", "binary content")]
    [InlineData("diff --git a/link b/link\nnew file mode  120000\n--- /dev/null\n+++ b/link\n@@ -0,0 +1 @@\n+/etc\n", "symlinks")]
    [InlineData("diff --git a/link b/link\nnew file mode\t0120000\n", "symlinks")]
    [InlineData("diff --git a/link b/link\n  new   mode 120000\n", "symlinks")]
    [InlineData("diff --git a/link b/link\nindex 1111111..2222222\t120000\n", "symlinks")]
    [InlineData("diff --git a/sub b/sub\nnew file mode 160000\n", "only regular files")]
    [InlineData("diff --git \"a/\\056git/config\" \"b/\\056git/config\"\n", "path 'a/.git/config' touches .git")]
    [InlineData("--- a/x\n+++ \"b/\\056\\056/x\"\n@@ -1 +1 @@\n-a\n+b\n", "path 'b/../x' leaves the tree")]
    [InlineData("diff --git a/x b/y\nrename from x\nrename to   \"\\056git/hooks/pre-commit\"\n", "path '.git/hooks/pre-commit' touches .git")]
    [InlineData("diff --git a/x b/y\ncopy to\t\"sub/\\056\\056/\\056\\056/y\"\n", "path 'sub/../../y' leaves the tree")]
    [InlineData("\t--- a/.git/config\n\t+++ b/.git/config\n", "touches .git")]
    [InlineData("Index: ../outside.c\n", "leaves the tree")]
    [InlineData("*** a/../x\n--- b/../x\n", "leaves the tree")]
    [InlineData("--- a/x\n+++ \"b/x\\n\"\n", "control characters")]
    public void Unsafe_patch_is_rejected_with_the_patch_named(string patch, string reason)
    {
        var error = Assert.Throws<PatchRejectedException>(() => PatchValidator.Check("patch3", Encoding.UTF8.GetBytes(patch)));

        Assert.StartsWith("patch3: ", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Names_are_returned_decoded()
    {
        var paths = PatchValidator.Check("patch0", Encoding.UTF8.GetBytes(
            "diff --git \"a/caf\\303\\251.c\" \"b/caf\\303\\251.c\"\n--- \"a/caf\\303\\251.c\"\n+++ \"b/caf\\303\\251.c\"\n"));

        Assert.Contains("b/café.c", paths);
    }

    [Fact]
    public void Ordinary_patch_with_new_and_deleted_files_passes() =>
        PatchValidator.Check("patch0", Encoding.UTF8.GetBytes(
            "diff --git a/new.c b/new.c\nnew file mode 100644\n--- /dev/null\n+++ b/new.c\t2024-01-01\n@@ -0,0 +1 @@\n+int a;\n"
            + "diff --git a/old.c b/old.c\ndeleted file mode 100644\n--- a/old.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-int b;\n"));
}
