using System.Text;
using KernelCI.Pipeline.Services.Patchwork;

namespace KernelCI.Pipeline.Tests.Services.Patchwork;

public sealed class SeriesMboxTests
{
    private static string Mail(int n, string subject, string diff) => $"""
        From patchwork Mon Dec  7 06:45:40 2026
        X-Patchwork-Id: {n + 100}
        Subject: [PATCH {n}/2] {subject}
        From: A <a@example.org>

        Change.
        ---
        {diff}

        """;

    private const string Good = "diff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1 @@\n-int x;\n+int y;";

    private static byte[] Mbox(params string[] mails) => Encoding.UTF8.GetBytes(string.Concat(mails));

    [Fact]
    public void Series_is_split_into_its_patches_in_order()
    {
        var patches = SeriesMbox.Split(Mbox(Mail(1, "one", Good), Mail(2, "two", Good)), 2);

        Assert.Equal([(1, "[PATCH 1/2] one", 101L), (2, "[PATCH 2/2] two", 102L)], patches.Select(p => (p.Number, p.Subject, p.PatchworkId!.Value)));
    }

    [Fact]
    public void Mbox_without_mails_is_refused_as_malformed()
    {
        var e = Assert.Throws<SeriesRefusedException>(() => SeriesMbox.Split(Encoding.UTF8.GetBytes("<html>oops</html>"), 2));
        Assert.Equal("malformed mbox: no mail in it", e.Message);
    }

    [Fact]
    public void Patch_without_a_diff_is_refused_naming_it()
    {
        var e = Assert.Throws<SeriesRefusedException>(() => SeriesMbox.Split(Mbox(Mail(1, "one", Good), Mail(2, "two", "just words")), 2));
        Assert.Equal("malformed mbox: patch 2/2 '[PATCH 2/2] two' has no diff", e.Message);
    }

    [Fact]
    public void Binary_patch_is_refused_naming_it()
    {
        var binary = "diff --git a/fw.bin b/fw.bin\nnew file mode 100644\nGIT binary patch\nliteral 4\nLcmZ?d00001\n";
        var e = Assert.Throws<SeriesRefusedException>(() => SeriesMbox.Split(Mbox(Mail(1, "one", Good), Mail(2, "fw", binary)), 2));
        Assert.Equal("patch 2/2 '[PATCH 2/2] fw': binary patches are not accepted", e.Message);
    }

    [Fact]
    public void Path_outside_the_tree_is_refused_naming_the_patch()
    {
        var e = Assert.Throws<SeriesRefusedException>(() => SeriesMbox.Split(Mbox(Mail(1, "evil", Good.Replace("a/a.c", "a/../../x.c"))), 1));
        Assert.StartsWith("patch 1/1 '[PATCH 1/2] evil': path 'a/../../x.c' leaves the tree", e.Message);
    }

    [Fact]
    public void Mbox_with_fewer_patches_than_the_series_is_refused()
    {
        var e = Assert.Throws<SeriesRefusedException>(() => SeriesMbox.Split(Mbox(Mail(1, "one", Good)), 3));
        Assert.Equal("malformed mbox: 1 patches, the series has 3", e.Message);
    }

    [Fact]
    public void Base_commit_is_read_from_format_patch_base_line()
    {
        var commit = new string('a', 40);

        Assert.Equal(commit, SeriesMbox.BaseCommit($"x\n-- \nbase-commit: {commit}\n2.39.5\n"));
        Assert.Null(SeriesMbox.BaseCommit("base-commit: nothex\n"));
    }
}
