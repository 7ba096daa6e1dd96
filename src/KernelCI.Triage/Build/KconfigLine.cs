using System.Globalization;
using System.Text.RegularExpressions;
using KernelCI.Triage.Fingerprints;

namespace KernelCI.Triage.Build;

/// <summary>Kconfig parser errors, "drivers/x/Kconfig:4: syntax error" and "…:3: unknown statement "dependz""
/// (linux scripts/kconfig/parser.y zconf_error/yyerror, lexer.l) and "…:5:error: recursive dependency detected!"
/// (scripts/kconfig/symbol.c). Kconfig's warnings are not errors and are left out.</summary>
internal static partial class KconfigLine
{
    public static Problem? Parse(string line, long logLine)
    {
        var match = Error().Match(line);
        if (!match.Success || match.Groups["message"].Value.StartsWith("warning:", StringComparison.Ordinal))
        {
            return null;
        }

        var file = SourcePath.Normalize(match.Groups["file"].Value);
        var message = match.Groups["message"].Value.Trim();
        return NewProblem.Of(ProblemKind.KconfigError, $"{message} in {file}", line, logLine, file, Normalizer.Text(message)) with
        {
            File = file,
            Line = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex(@"^(?<file>\S*Kconfig[\w.-]*):(?<line>\d+):\s?(?:error:\s?)?(?<message>.+)$")]
    private static partial Regex Error();
}
