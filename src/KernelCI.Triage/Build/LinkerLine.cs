using System.Text.RegularExpressions;
using KernelCI.Triage.Fingerprints;

namespace KernelCI.Triage.Build;

/// <summary>Linker errors as GNU ld ("file.c:(.text+0x10): undefined reference to `sym'", "multiple definition of
/// `sym'", "ld: …: error …") and LLVM lld ("ld.lld: error: undefined symbol: sym", "duplicate symbol: sym") print
/// them. An undefined or duplicate symbol's signature is the symbol alone, so bfd and lld, gcc and clang, and every
/// object that references it give one issue; the referencing file is kept in the summary.</summary>
internal static partial class LinkerLine
{
    /// <summary>The function of a preceding "ld: x.o: in function `f':" line, which names where the reference is.</summary>
    public static string? ContextFunction(string line)
    {
        var match = InFunction().Match(line);
        return match.Success ? match.Groups["function"].Value : null;
    }

    public static Problem? Parse(string line, long logLine, string? contextFunction)
    {
        var symbol = Symbol().Match(line);
        if (symbol.Success)
        {
            var what = symbol.Groups["what"].Value is "undefined reference to" or "undefined symbol:"
                ? "undefined reference to" : "multiple definition of";
            var name = symbol.Groups["symbol"].Value;
            var file = symbol.Groups["file"].Success ? SourcePath.Normalize(symbol.Groups["file"].Value) : null;
            var where = file is null ? "" : $" in {file}";
            return NewProblem.Of(ProblemKind.LinkerError, $"{what} `{name}'{where}", line, logLine, what, name) with
            {
                File = file,
                Function = contextFunction,
            };
        }

        var generic = Generic().Match(line);
        if (!generic.Success)
        {
            return null;
        }

        var message = generic.Groups["message"].Value.Trim();
        return NewProblem.Of(ProblemKind.LinkerError, $"ld: {message}", line, logLine, Normalizer.Text(message));
    }

    [GeneratedRegex(@"in function [`'](?<function>[^'`]+)'")]
    private static partial Regex InFunction();

    [GeneratedRegex(@"^(?:(?<file>[^\s:(]+):\([^)]*\): )?.*?(?<what>undefined reference to|multiple definition of|undefined symbol:|duplicate symbol:) ?[`']?(?<symbol>[^'`;\s]+)")]
    private static partial Regex Symbol();

    // ld, ld.bfd, ld.lld, x86_64-linux-gnu-ld, /usr/bin/ld; only lines that say error or cannot (ld's "cannot find"),
    // not its warnings nor its "in function" context lines.
    [GeneratedRegex(@"^(?:\S*/)?(?:[\w.-]+-)?ld(?:\.bfd|\.lld|\.gold)?: (?<message>(?:.*\berror\b.*|cannot .*))$")]
    private static partial Regex Generic();
}
