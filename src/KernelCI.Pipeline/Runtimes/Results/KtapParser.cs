using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Runtimes.Results;

/// <summary>Parses KTAP v1 and TAP 13 results ("ok 1 name", "not ok 2 name # SKIP why"). Subtests are printed
/// indented before their parent's result line, so results are gathered per depth and handed to the next result
/// line one level up. Lines that are not KTAP (console noise, diagnostics) are ignored.</summary>
internal static partial class KtapParser
{
    public static bool IsHeader(string line) => Header().IsMatch(line);

    /// <summary>The top-level results of a KTAP document, with their subtests as children.</summary>
    public static List<ResultNode> Parse(IEnumerable<string> lines)
    {
        var pending = new Dictionary<int, List<ResultNode>>();
        int? baseIndent = null;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd('\r');
            var match = ResultLine().Match(line);
            if (!match.Success)
            {
                if (baseIndent is null && Header().Match(line) is { Success: true } header)
                {
                    baseIndent = Indent(header.Groups["indent"].Value);
                }

                continue;
            }

            var depth = Math.Max(0, Indent(match.Groups["indent"].Value) - (baseIndent ?? 0)) / 4;
            var name = match.Groups["name"].Value.Trim();
            var directive = match.Groups["directive"].Value.Trim();
            var result = directive.StartsWith("SKIP", StringComparison.OrdinalIgnoreCase) ? "skip"
                : directive.StartsWith("XFAIL", StringComparison.OrdinalIgnoreCase) ? "pass"
                : match.Groups["not"].Success ? "fail" : "pass";
            var node = new ResultNode(name.Length > 0 ? name : match.Groups["number"].Value, result);
            if (pending.Remove(depth + 1, out var children))
            {
                node = new ResultNode(node.Name, result) { IsGroup = true };
                node.Children.AddRange(children);
            }

            foreach (var deeper in pending.Keys.Where(k => k > depth + 1).ToList())
            {
                pending.Remove(deeper);
            }

            (pending.TryGetValue(depth, out var list) ? list : pending[depth] = []).Add(node);
        }

        return pending.TryGetValue(0, out var top) ? top : [];
    }

    private static int Indent(string whitespace) => whitespace.Sum(c => c == '\t' ? 8 : 1);

    [GeneratedRegex(@"^(?<indent>\s*)(K?TAP version \d+)\s*$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^(?<indent>\s*)(?<not>not )?ok (?<number>\d+)(?:\s+-)?\s*(?<name>[^#]*)(?:#(?<directive>.*))?$")]
    private static partial Regex ResultLine();
}
