using System.Globalization;
using System.Text;
using KernelCI.Pipeline.Git;

namespace KernelCI.Bench.Patchwork;

/// <summary>A small git tree (a Makefile and a file of 200 lines) and series mailed from it with `git format-patch`,
/// every series made on the same base so that all apply.</summary>
internal sealed class SeriesTree(string directory)
{
    private static readonly GitRunner Git = new();

    private int _made;

    public string Url => "file://" + directory;

    public static async Task<SeriesTree> CreateAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        await Git.RunAsync(directory, "init", "--quiet", "-b", "main");
        await File.WriteAllTextAsync(Path.Combine(directory, "Makefile"), "VERSION = 6\nPATCHLEVEL = 1\nSUBLEVEL = 0\nNAME = Bench\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "a.c"), Lines(null, ""));
        await Commit(directory, "base");
        return new SeriesTree(directory);
    }

    /// <summary><paramref name="count"/> series of <paramref name="patches"/> patches, named `TAG: …`, in one mbox file.</summary>
    public async Task<string> SeriesAsync(string tag, int count, int patches)
    {
        var mbox = new StringBuilder();
        for (var s = 0; s < count; s++)
        {
            var series = ++_made;
            for (var p = 0; p < patches; p++)
            {
                await File.WriteAllTextAsync(Path.Combine(directory, "a.c"), Lines((series * 7 + p * 50) % 200, $"s{series}p{p}"));
                await Commit(directory, $"{tag}: series {series} patch {p + 1}");
            }

            var output = Path.Combine(directory, ".out");
            await Git.RunAsync(directory, "format-patch", "--quiet", "--thread=shallow", "-o", output, "--to", "netdev@vger.kernel.org",
                "--add-header=List-Id: <netdev.vger.kernel.org>", $"-{patches}");
            await Git.RunAsync(directory, "reset", "--quiet", "--hard", $"HEAD~{patches}");
            foreach (var file in Directory.GetFiles(output, "0*.patch").Order())
            {
                mbox.Append(await File.ReadAllTextAsync(file));
            }

            Directory.Delete(output, recursive: true);
        }

        var path = Path.Combine(directory, "..", $"{tag}.mbox");
        await File.WriteAllTextAsync(path, mbox.ToString());
        return path;
    }

    private static string Lines(int? line, string suffix) =>
        string.Concat(Enumerable.Range(0, 200).Select(i => string.Create(CultureInfo.InvariantCulture, $"int l{i}{(i == line ? "_" + suffix : "")};\n")));

    private static async Task Commit(string directory, string message)
    {
        await Git.RunAsync(directory, "add", "-A");
        await Git.RunAsync(directory, "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "commit", "--quiet", "-m", message);
    }
}
