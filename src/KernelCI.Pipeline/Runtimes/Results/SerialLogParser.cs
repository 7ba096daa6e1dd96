using System.Text.RegularExpressions;

namespace KernelCI.Pipeline.Runtimes.Results;

/// <summary>Reads a serial console log as LAVA would (the QEMU lab now, a LAVA callback later): the login prompt
/// (`/ #` or `~ #` at the start of a line), kernel errors, and results — LAVA signals (STARTRUN/ENDRUN for suites,
/// TESTSET START/STOP for sets, TESTCASE for cases) and KTAP blocks, which run from a "KTAP version"/"TAP version"
/// line to the next LAVA signal and land in the innermost open suite or set.</summary>
internal static partial class SerialLogParser
{
    /// <summary>Where test cases reported outside any STARTRUN/ENDRUN go.</summary>
    public const string DefaultSuite = "tests";

    public static BootLog Parse(string log)
    {
        var kernelStarted = false;
        var prompt = false;
        var errors = new List<string>();
        var suites = new List<ResultNode>();
        var open = new Stack<ResultNode>();
        List<string>? ktap = null;

        ResultNode Container()
        {
            if (open.Count == 0)
            {
                var suite = suites.FirstOrDefault(s => s.Name == DefaultSuite) ?? Add(suites, ResultNode.Group(DefaultSuite));
                open.Push(suite);
            }

            return open.Peek();
        }

        void EndKtap()
        {
            if (ktap is not null)
            {
                Container().Children.AddRange(KtapParser.Parse(ktap));
                ktap = null;
            }
        }

        foreach (var raw in log.Split('\n'))
        {
            var line = Timestamp().Replace(raw.TrimEnd('\r'), "");
            kernelStarted |= line.Contains("Linux version ", StringComparison.Ordinal);
            prompt |= Prompt().IsMatch(line);
            if (KernelError().IsMatch(line))
            {
                errors.Add(line.Trim());
            }

            var signal = Signal().Match(line);
            if (!signal.Success)
            {
                if (ktap is not null)
                {
                    ktap.Add(line);
                }
                else if (open.Count > 0 && KtapParser.IsHeader(line))
                {
                    ktap = [line];
                }

                continue;
            }

            EndKtap();
            var arguments = signal.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (signal.Groups["name"].Value)
            {
                case "STARTRUN" when arguments.Length > 0:
                    open.Clear();
                    open.Push(Add(suites, ResultNode.Group(SuiteName(arguments[0]))));
                    break;
                case "ENDRUN":
                    open.Clear();
                    break;
                case "TESTSET" when arguments is ["START", var set, ..]:
                    open.Push(Add(Container().Children, ResultNode.Group(set)));
                    break;
                case "TESTSET" when arguments is ["STOP", ..] && open.Count > 1:
                    open.Pop();
                    break;
                case "TESTCASE":
                    var fields = arguments.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
                    if (fields.TryGetValue("TEST_CASE_ID", out var id) && fields.TryGetValue("RESULT", out var result))
                    {
                        Container().Children.Add(new ResultNode(id, MapResult(result)));
                    }

                    break;
            }
        }

        EndKtap();
        return new BootLog(kernelStarted, prompt, errors, suites);
    }

    /// <summary>LAVA's results are pass, fail, skip and unknown; Maestro has no unknown, so it becomes skip.</summary>
    public static string MapResult(string result) => result.ToLowerInvariant() switch
    {
        "pass" => "pass",
        "fail" => "fail",
        _ => "skip",
    };

    /// <summary>LAVA numbers test definitions ("0_kselftest"); the node is named without the prefix.</summary>
    private static string SuiteName(string run) => NumberPrefix().Replace(run, "");

    private static ResultNode Add(List<ResultNode> list, ResultNode node)
    {
        list.Add(node);
        return node;
    }

    [GeneratedRegex(@"^\[\s*\d+\.\d+\]\s?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"^\s*[/~] #")]
    private static partial Regex Prompt();

    [GeneratedRegex(@"<LAVA_SIGNAL_(?<name>[A-Z]+)(?<args>[^>]*)>")]
    private static partial Regex Signal();

    [GeneratedRegex(@"^\d+_")]
    private static partial Regex NumberPrefix();

    [GeneratedRegex(@"Kernel panic|\bOops\b|\bBUG:|kernel BUG at|general protection fault|Unable to handle kernel|^\s*<[0-2]>")]
    private static partial Regex KernelError();
}
