using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Patchset;

/// <summary>Refuses what `patch` could turn against the host: binary hunks, symlinks, and paths that are absolute, go
/// up with `..` or touch `.git`. Checked on every path the patch names, before anything is applied.</summary>
internal static partial class PatchValidator
{
    public static void Check(string patchName, byte[] content)
    {
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            throw new PatchRejectedException($"{patchName}: binary content (NUL bytes) is not accepted");
        }

        var text = System.Text.Encoding.UTF8.GetString(content);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("GIT binary patch", StringComparison.Ordinal) || BinaryFiles().IsMatch(line))
            {
                throw new PatchRejectedException($"{patchName}: binary patches are not accepted");
            }

            if (SymlinkMode().IsMatch(line))
            {
                throw new PatchRejectedException($"{patchName}: symlinks are not accepted ({line.Trim()})");
            }

            foreach (var path in PathsOf(line))
            {
                CheckPath(patchName, path);
            }
        }
    }

    private static IEnumerable<string> PathsOf(string line)
    {
        if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal))
        {
            // A timestamp may follow the name after a tab.
            var path = line[4..].Split('\t')[0].Trim();
            if (path != "/dev/null")
            {
                yield return path;
            }
        }
        else if (line.StartsWith("diff --git ", StringComparison.Ordinal))
        {
            foreach (var path in line["diff --git ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return path;
            }
        }
        else if (RenameOrCopy().Match(line) is { Success: true } match)
        {
            yield return match.Groups[1].Value.Trim();
        }
    }

    private static void CheckPath(string patchName, string path)
    {
        var unquoted = path.Trim('"');
        if (unquoted.StartsWith('/') || unquoted.StartsWith('~'))
        {
            throw new PatchRejectedException($"{patchName}: absolute path '{unquoted}' is not accepted");
        }

        var segments = unquoted.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Contains(".."))
        {
            throw new PatchRejectedException($"{patchName}: path '{unquoted}' leaves the tree ('..')");
        }

        if (segments.Any(s => s.Equals(".git", StringComparison.OrdinalIgnoreCase)))
        {
            throw new PatchRejectedException($"{patchName}: path '{unquoted}' touches .git");
        }
    }

    [GeneratedRegex(@"^Binary files .* differ$")]
    private static partial Regex BinaryFiles();

    [GeneratedRegex(@"^((new|deleted) file mode|old mode|new mode|index [0-9a-f]+\.\.[0-9a-f]+) 120000\b")]
    private static partial Regex SymlinkMode();

    [GeneratedRegex(@"^(?:rename|copy) (?:from|to) (.+)$")]
    private static partial Regex RenameOrCopy();
}
