using System.Text.RegularExpressions;
using KernelCI.Triage.Fingerprints;

namespace KernelCI.Triage.Build;

/// <summary>GNU make's failures, "make[2]: *** [scripts/Makefile.build:250: drivers/x.o] Error 1" and "make: ***
/// No rule to make target 'x', needed by 'y'.  Stop.". The signature is the makefile and the target without the
/// makefile's line number (it moves with every edit of the makefile).</summary>
internal static partial class MakeLine
{
    public static Problem? Parse(string line, long logLine)
    {
        var match = Failure().Match(line);
        if (!match.Success)
        {
            return null;
        }

        if (match.Groups["target"].Success)
        {
            var target = SourcePath.Normalize(match.Groups["target"].Value);
            // An out-of-tree build names the tree's makefiles by their absolute path (/home/ci/linux/Makefile):
            // a makefile outside any kernel directory is known by its name.
            var script = SourcePath.Normalize(match.Groups["script"].Value);
            script = script.StartsWith('/') ? Path.GetFileName(script) : script;
            return NewProblem.Of(ProblemKind.MakeError, $"make: {target} failed ({script}, {match.Groups["code"].Value})",
                line, logLine, script, target) with { File = target };
        }

        var message = Normalizer.Quotes(match.Groups["message"].Value.Trim());
        return NewProblem.Of(ProblemKind.MakeError, $"make: {message}", line, logLine, Normalizer.Text(message));
    }

    /// <summary>A recipe's failure, as opposed to make's own ("No rule to make target"): each level of a recursive
    /// make repeats the first one, which is the only one worth an issue, and only when nothing explains it.</summary>
    public static bool IsRecipeFailure(Problem problem) => problem.File is not null;

    // A recipe ends with "Error N" or its signal ("Killed", "Segmentation fault"); make's own errors end with
    // "Stop."; "*** Waiting for unfinished jobs...." is neither.
    [GeneratedRegex(@"^(?:\S*/)?g?make(?:\[\d+\])?: \*\*\* (?:\[(?<script>[^\]:]+)(?::\d+)?: (?<target>[^\]]+)\] (?<code>Error \d+|[A-Z][A-Za-z ]+)|(?<message>.+Stop\.))$")]
    private static partial Regex Failure();
}
