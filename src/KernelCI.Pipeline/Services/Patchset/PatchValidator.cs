using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Services.Patchset;

/// <summary>Refuses what `patch` could turn against the host: binary hunks, symlinks and other non-regular modes, and
/// paths that are absolute, go up with `..` or touch `.git`. Headers are read as loosely as GNU patch (pch.c
/// `intuit_diff_type`) reads them: indented, any whitespace before a mode, quoted C-escaped names. Checked on every
/// path the patch names, before anything is applied; <see cref="TreeLinks"/> checks the applied tree afterwards.</summary>
internal static partial class PatchValidator
{
    private const int FileTypeMask = 0xF000; // S_IFMT

    private const int RegularFile = 0x8000; // S_IFREG

    private const int Symlink = 0xA000; // S_IFLNK

    /// <summary>Checks the patch and returns every path its headers name, decoded, for the check of the base tree.</summary>
    public static IReadOnlyList<string> Check(string patchName, byte[] content)
    {
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            throw new PatchRejectedException($"{patchName}: binary content (NUL bytes) is not accepted");
        }

        var paths = new List<string>();
        var text = System.Text.Encoding.UTF8.GetString(content);
        foreach (var rawLine in text.Split('\n'))
        {
            // GNU patch skips leading whitespace and 'X' (mail quoting) before it looks for a header.
            var line = rawLine.TrimEnd('\r').TrimStart(' ', '\t', 'X', '\f', '\v');
            if (line.StartsWith("GIT binary patch", StringComparison.Ordinal) || BinaryFiles().IsMatch(line))
            {
                throw new PatchRejectedException($"{patchName}: binary patches are not accepted");
            }

            CheckMode(patchName, line);
            foreach (var path in PathsOf(line))
            {
                CheckPath(patchName, path);
                paths.Add(path);
            }
        }

        return paths;
    }

    private static void CheckMode(string patchName, string line)
    {
        if (Mode().Match(line) is not { Success: true } match)
        {
            return;
        }

        // patch reads the mode as octal (pch.c `fetchmode`), leading zeros allowed.
        var digits = match.Groups["mode"].Value.TrimStart('0');
        var mode = digits.Length is 0 or > 7 ? 0 : Convert.ToInt32(digits, 8);
        if ((mode & FileTypeMask) == Symlink)
        {
            throw new PatchRejectedException($"{patchName}: symlinks are not accepted ({line.Trim()})");
        }

        if ((mode & FileTypeMask) != RegularFile)
        {
            throw new PatchRejectedException($"{patchName}: only regular files are accepted ({line.Trim()})");
        }
    }

    private static IEnumerable<string> PathsOf(string line)
    {
        if (NameHeader().Match(line) is { Success: true } header)
        {
            return PatchNames.In(header.Groups["names"].Value).Where(p => p != "/dev/null");
        }

        return [];
    }

    private static void CheckPath(string patchName, string path)
    {
        if (path.Any(char.IsControl))
        {
            throw new PatchRejectedException($"{patchName}: path '{path.ReplaceLineEndings(" ")}' has control characters");
        }

        if (path.StartsWith('/') || path.StartsWith('~'))
        {
            throw new PatchRejectedException($"{patchName}: absolute path '{path}' is not accepted");
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Contains(".."))
        {
            throw new PatchRejectedException($"{patchName}: path '{path}' leaves the tree ('..')");
        }

        if (segments.Any(s => s.Equals(".git", StringComparison.OrdinalIgnoreCase)))
        {
            throw new PatchRejectedException($"{patchName}: path '{path}' touches .git");
        }
    }

    [GeneratedRegex(@"^Binary\s+files\s.*\sdiffer\s*$")]
    private static partial Regex BinaryFiles();

    // Every header that carries a mode: git's extended headers and the mode at the end of an `index` line.
    [GeneratedRegex(@"^(?:(?:new|deleted)\s+file\s+mode|old\s+mode|new\s+mode|index\s+[0-9a-fA-F]+\.\.[0-9a-fA-F]+)\s+(?<mode>[0-7]+)")]
    private static partial Regex Mode();

    // Every header that names a file: unified and context diffs, Index:, git's diff line, renames and copies.
    [GeneratedRegex(@"^(?:---|\+\+\+|\*\*\*|Index:|diff\s+--git|(?:rename|copy)\s+(?:from|to)|rename\s+(?:old|new))(?:\s+(?<names>.*))?$")]
    private static partial Regex NameHeader();
}
