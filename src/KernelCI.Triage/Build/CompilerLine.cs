using System.Globalization;
using System.Text.RegularExpressions;
using KernelCI.Triage.Fingerprints;

namespace KernelCI.Triage.Build;

/// <summary>A gcc or clang diagnostic, "file:line[:column]: error|warning: message [-Wflag]". The signature is the
/// file, the message and the flag but not the line or column: an unrelated change earlier in the file moves the line
/// between commits and the problem must stay one issue (docs/regressions.md, Fingerprints).</summary>
internal static partial class CompilerLine
{
    public static Problem? Parse(string line, long logLine)
    {
        var match = Diagnostic().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var kind = match.Groups["severity"].Value == "warning" ? ProblemKind.CompilerWarning : ProblemKind.CompilerError;
        var file = SourcePath.Normalize(match.Groups["file"].Value);
        var message = Normalizer.Quotes(match.Groups["message"].Value.Trim());
        var flag = Flag(match.Groups["flags"].Value);
        return NewProblem.Of(kind, $"{message} in {file}", line, logLine, file, Normalizer.Text(message), flag) with
        {
            File = file,
            Line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
            Column = match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value, CultureInfo.InvariantCulture) : null,
            Flag = flag,
        };
    }

    /// <summary>gcc prints [-Wx] or [-Werror=x], clang [-Wx] or [-Werror,-Wx]: all of them are -Wx.</summary>
    private static string? Flag(string flags)
    {
        if (flags.Length == 0)
        {
            return null;
        }

        var last = flags.Split(',')[^1];
        return last.StartsWith("-Werror=", StringComparison.Ordinal) ? "-W" + last["-Werror=".Length..] : last;
    }

    [GeneratedRegex(@"^(?<file>[^\s:]+):(?<line>\d+):(?:(?<column>\d+):)? (?:fatal )?(?<severity>error|warning): (?<message>.+?)(?: \[(?<flags>-W[^\]]*)\])?$")]
    private static partial Regex Diagnostic();
}
