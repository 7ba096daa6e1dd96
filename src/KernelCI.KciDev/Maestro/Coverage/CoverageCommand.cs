using System.CommandLine;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Maestro.Coverage;

/// <summary>`maestro coverage`: the coverage reports of a tree's passed builds (upstream hard-codes chromiumos; here it
/// is the default of `--tree`), printed per report or drawn into an SVG chart (kci-dev.md §2.1).</summary>
internal static class CoverageCommand
{
    public static Command Create(CliContext context)
    {
        var tree = new Option<string>("--tree") { Description = "Tree name (data.kernel_revision.tree)", DefaultValueFactory = _ => "chromiumos" };
        var branch = new Option<string?>("--branch") { Description = "Filter by branch" };
        var commit = new Option<string?>("--commit") { Description = "Filter by commit" };
        var limit = new Option<int>("--limit") { Description = "Maximum number of nodes per query", DefaultValueFactory = _ => 1000 };
        var offset = new Option<int>("--offset") { Description = "Starting position for pagination", DefaultValueFactory = _ => 0 };
        var startDate = new Option<string?>("--start-date") { Description = "Builds created after this date (created__gt)" };
        var endDate = new Option<string?>("--end-date") { Description = "Builds created before this date (created__lt)" };
        var graph = new Option<string?>("--graph-output") { Description = "Write a bar chart of the coverage to this SVG file instead of the list" };
        var command = new Command("coverage", "Coverage reports of a tree's builds in Maestro") { tree, branch, commit, limit, offset, startDate, endDate, graph };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            if (session.Value(limit) < 0 || session.Value(offset) < 0)
            {
                throw new CliException(session.Value(limit) < 0 ? $"--limit {session.Value(limit)}: must not be negative" : $"--offset {session.Value(offset)}: must not be negative");
            }

            var terms = new List<string>();
            Add(terms, "data.kernel_revision.branch", session.Value(branch));
            Add(terms, "data.kernel_revision.commit", session.Value(commit));
            Add(terms, "created__gt", session.Value(startDate));
            Add(terms, "created__lt", session.Value(endDate));
            var api = MaestroApi.BaseUrl(session);
            var reader = new CoverageReader(MaestroApi.Client(session, api), session.Value(tree)!, session.Value(limit), session.Value(offset));
            var points = await reader.ReadAsync(terms, cancellationToken);
            if (session.Value(graph) is { } file)
            {
                var path = Path.GetFullPath(file, session.Context.WorkingDirectory);
                await File.WriteAllTextAsync(path, CoverageChart.Svg(points), cancellationToken);
                await session.Console.Out.WriteLineAsync($"Coverage chart of {points.Count} reports written to {file}");
                return ExitCodes.Success;
            }

            foreach (var point in points)
            {
                session.Console.Ansi.MarkupLineInterpolated($"- Tree/branch: [cyan]{point.TreeBranch}[/]");
                session.Console.Ansi.WriteLine($"  Commit: {point.Commit ?? "None"}");
                session.Console.Ansi.WriteLine($"  Build: {api}viewer?node_id={point.BuildId}");
                session.Console.Ansi.MarkupLineInterpolated($"  Function coverage: [green]{Percent(point.Functions)}[/]");
                session.Console.Ansi.MarkupLineInterpolated($"  Line coverage: [green]{Percent(point.Lines)}[/]");
                session.Console.Ansi.WriteLine($"  Coverage report: {point.ReportUrl ?? "None"}");
                session.Console.Ansi.WriteLine($"  Coverage logs: {point.LogUrl ?? "None"}");
                session.Console.Ansi.WriteLine();
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // Upstream prints Python's str() of the measurement: "None" when there is none.
    private static string Percent(string? value) => (value ?? "None") + "%";

    private static void Add(List<string> terms, string key, string? value)
    {
        if (value is not null)
        {
            terms.Add($"{key}={value}");
        }
    }
}
