using System.Text.RegularExpressions;
using KernelCI.Triage.Fingerprints;

namespace KernelCI.Triage.Build;

/// <summary>modpost, the module link step (linux scripts/mod/modpost.c): `ERROR: modpost: "sym" [drivers/x.ko]
/// undefined!` is the linker's undefined symbol for a module, and has the same signature as ld's "undefined
/// reference to `sym'", so a missing export is one issue whether the code is built in or as a module. Its other
/// errors are linker errors by their message.</summary>
internal static partial class ModpostLine
{
    public static Problem? Parse(string line, long logLine)
    {
        var match = Error().Match(line);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["symbol"].Success)
        {
            var module = match.Groups["module"].Value;
            return NewProblem.Of(ProblemKind.LinkerError, $"undefined reference to `{match.Groups["symbol"].Value}' in {module}",
                line, logLine, "undefined reference to", match.Groups["symbol"].Value) with { File = module };
        }

        var message = match.Groups["message"].Value.Trim();
        return NewProblem.Of(ProblemKind.LinkerError, $"modpost: {message}", line, logLine, "modpost", Normalizer.Text(message));
    }

    [GeneratedRegex(@"(?:ERROR|FATAL): modpost: (?:""(?<symbol>[^""]+)"" \[(?<module>[^\]]+)\] undefined!|(?<message>.+))")]
    private static partial Regex Error();
}
