using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;

namespace KernelCI.KciDev.Results;

/// <summary>Pass, fail and inconclusive (ERROR, SKIP, MISS, DONE, NULL) counts of a summary's builds, boots and tests,
/// printed as upstream's `cmd_summary` does (kernelci/kci-dev:kcidev/subcommands/results/parser.py); shared by
/// `results summary` and `results hardware summary`.</summary>
internal sealed record SummaryCounts(long Pass, long Fail, long Inconclusive)
{
    private static readonly string[] Parts = ["builds", "boots", "tests"];

    public static SummaryCounts From(JsonNode? status, bool lowerCase = false)
    {
        var counts = status as JsonObject;
        long Count(string key) => counts?[lowerCase ? key.ToLowerInvariant() : key] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        return new(Count("PASS"), Count("FAIL"), Count("ERROR") + Count("SKIP") + Count("MISS") + Count("DONE") + Count("NULL"));
    }

    /// <summary>Prints `{summary: {builds|boots|tests: {status: {…}}}}` as JSON or as upstream's lines.</summary>
    public static async Task WriteAsync(KciConsole console, JsonNode answer, bool json)
    {
        var summary = (answer as JsonObject)?["summary"] as JsonObject ?? throw new CliException("the dashboard's answer has no `summary`");
        var counts = Parts.Select(p => (Part: p, Counts: From((summary[p] as JsonObject)?["status"]))).ToList();
        if (json)
        {
            var shape = new JsonObject();
            foreach (var (part, c) in counts)
            {
                shape[part] = new JsonObject { ["pass"] = c.Pass, ["fail"] = c.Fail, ["inconclusive"] = c.Inconclusive };
            }

            await JsonOutput.WriteAsync(console, shape);
            return;
        }

        await console.Out.WriteLineAsync("pass/fail/inconclusive");
        foreach (var (part, c) in counts)
        {
            await console.Out.WriteLineAsync($"{part}:\t{c.Text(console)}");
        }
    }

    /// <summary>`P/F/I`, each non-zero count coloured (green, red, yellow), as upstream's `print_summary`.</summary>
    public string Text(KciConsole console) =>
        $"{(Pass == 0 ? "0" : Paint.Green(console, Count(Pass)))}/{(Fail == 0 ? "0" : Paint.Red(console, Count(Fail)))}/{(Inconclusive == 0 ? "0" : Paint.Yellow(console, Count(Inconclusive)))}";

    /// <summary>The same as Spectre markup, for the history table's cells.</summary>
    public string Markup() => $"{Colour(Pass, "green")}/{Colour(Fail, "red")}/{Colour(Inconclusive, "yellow")}";

    private static string Count(long count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Colour(long count, string colour) => count == 0 ? "0" : $"[{colour}]{count}[/]";
}
