using KernelCI.Client.Watching;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KernelCI.KciDev.Watch;

/// <summary>Progress on a terminal: a live table of the watched nodes, their state and verdict, and what the watch is
/// waiting for in its caption.</summary>
internal sealed class LiveProgress(Table table, LiveDisplayContext context) : IProgress<WatchUpdate>
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _rows = new(StringComparer.Ordinal);

    public static Table NewTable(string treeId) => new Table()
        .Title($"tree {Markup.Escape(treeId)}")
        .AddColumns("node", "kind", "state", "result", "verdict")
        .AddColumn(new TableColumn("node id").NoWrap())
        .Caption("connecting to Maestro");

    public void Report(WatchUpdate value)
    {
        lock (_lock)
        {
            switch (value.Kind)
            {
                case WatchUpdateKind.NodeChanged:
                    Show(value.Node!);
                    break;
                case WatchUpdateKind.Connected:
                    table.Caption("following Maestro's events");
                    break;
                case WatchUpdateKind.WaitingForTest:
                    table.Caption($"all jobs completed, waiting for the result of {Markup.Escape(value.Detail ?? "")}");
                    break;
                case WatchUpdateKind.Reconnecting:
                    table.Caption($"[yellow]connection lost ({Markup.Escape(value.Detail ?? "")}), retrying[/]");
                    break;
            }

            context.Refresh();
        }
    }

    private void Show(WatchedNode node)
    {
        IRenderable[] cells =
        [
            new Text(node.Name), new Text(node.Kind), new Text(node.State), new Text(node.Result ?? "-"),
            new Markup($"[{NodeLine.Colour(node).ToMarkup()}]{Markup.Escape(NodeLine.Verdict(node))}[/]"), new Text(node.Id),
        ];
        if (_rows.TryGetValue(node.Id, out var row))
        {
            for (var column = 0; column < cells.Length; column++)
            {
                table.UpdateCell(row, column, cells[column]);
            }
        }
        else
        {
            _rows[node.Id] = table.Rows.Count;
            table.AddRow(cells);
        }
    }
}
