using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Runtimes.Shell;

/// <summary>The lines of a failed build's log that say why: compiler and make errors, newest last.</summary>
internal static partial class BuildLogErrors
{
    private const int MaxLines = 5;
    private const int MaxLength = 1000;

    public static string Excerpt(IReadOnlyList<string> lines)
    {
        var errors = lines.Where(l => Meaningful().IsMatch(l) && !l.StartsWith("build.sh:", StringComparison.Ordinal)).ToList();
        var chosen = (errors.Count > 0 ? errors : lines.Where(l => l.Trim().Length > 0).ToList()).TakeLast(MaxLines);
        var text = string.Join('\n', chosen.Select(l => l.TrimEnd()));
        return text.Length <= MaxLength ? text : text[^MaxLength..];
    }

    [GeneratedRegex(@"(\berror\b|\bError\b|\bERROR\b|fatal|undefined reference|\*\*\* )")]
    private static partial Regex Meaningful();
}
