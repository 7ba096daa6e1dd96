using System.CommandLine;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Maestro;

/// <summary>`maestro results`: one node (`--nodeid`) or a page of `nodes/fast` (`--nodes`), printed as upstream does, a
/// JSON array with sorted keys and an indent of 4, even for one node (kci-dev.md §2.1, kcidev/subcommands/maestro/results.py).</summary>
internal static class MaestroResultsCommand
{
    public static Command Create(CliContext context)
    {
        var nodeId = new Option<string?>("--nodeid") { Description = "Retrieve results for a specific node ID" };
        var nodes = new Option<bool>("--nodes") { Description = "Retrieve the latest nodes (nodes/fast)" };
        var limit = new Option<int>("--limit") { Description = "Maximum number of nodes to retrieve", DefaultValueFactory = _ => 50 };
        var offset = new Option<int>("--offset") { Description = "Starting position for pagination", DefaultValueFactory = _ => 0 };
        var filter = new Option<string[]>("--filter") { Description = "KEY=VALUE node filter, e.g. kind=kbuild or name__re=^baseline (repeatable)" };
        var field = new Option<string[]>("--field") { Description = "Print only this top-level field of each node (repeatable)" };
        var tree = new Option<string?>("--tree") { Description = "Filter by tree name (data.kernel_revision.tree)" };
        var startDate = new Option<string?>("--start-date") { Description = "Nodes created at or after this date (created__gte)" };
        var endDate = new Option<string?>("--end-date") { Description = "Nodes created at or before this date (created__lte)" };
        var count = new Option<bool>("--count") { Description = "Print only the number of nodes retrieved" };
        var paginate = new Option<bool>("--paginate") { Description = "Send --limit and --offset (the default)" };
        var noPaginate = new Option<bool>("--no-paginate") { Description = "Send no --limit and --offset: every match" };
        var verbose = new Option<bool>("--verbose") { Description = "Print the nodes (the default)" };
        var noVerbose = new Option<bool>("--no-verbose") { Description = "Print nothing" };
        var command = new Command("results", "Query nodes from the Maestro API: one node by ID, or the latest nodes with filters")
        {
            nodeId, nodes, limit, offset, filter, field, tree, startDate, endDate, count, paginate, noPaginate, verbose, noVerbose,
        };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var id = session.Value(nodeId);
            var many = session.Value(nodes);
            if (id is null == !many)
            {
                throw new CliException(many ? "--nodeid and --nodes: give only one of them" : "give --nodeid ID or --nodes");
            }

            if (session.Value(limit) < 0 || session.Value(offset) < 0)
            {
                throw new CliException(session.Value(limit) < 0 ? $"--limit {session.Value(limit)}: must not be negative" : $"--offset {session.Value(offset)}: must not be negative");
            }

            var terms = (session.Value(filter) ?? []).ToList();
            AddIf(terms, "data.kernel_revision.tree", session.Value(tree));
            AddIf(terms, "created__gte", session.Value(startDate));
            AddIf(terms, "created__lte", session.Value(endDate));
            var query = new NodeFilter();
            if (many && !session.Value(noPaginate))
            {
                query.Limit(session.Value(limit)).Offset(session.Value(offset));
            }

            query.Where(terms, "--filter");

            var client = MaestroApi.Client(session);
            JsonArray found;
            if (many)
            {
                found = await MaestroApi.ReachAsync(() => client.GetNodesFastJsonAsync(query, cancellationToken));
                if (session.Value(count))
                {
                    await session.Console.Out.WriteLineAsync(found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return ExitCodes.Success;
                }
            }
            else
            {
                found = [await MaestroApi.ReachAsync(() => client.GetNodeJsonAsync(id!, cancellationToken)) ?? throw new CliException($"Node {id} not found")];
            }

            if (!session.Value(noVerbose))
            {
                await session.Console.Out.WriteLineAsync(PythonJson.Dumps(Select(found, session.Value(field) ?? []), 4));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>`--field`: each node reduced to the named top-level fields, null when a node lacks one.</summary>
    private static JsonArray Select(JsonArray found, string[] fields) => fields.Length == 0
        ? found
        : [.. found.Select(node => (JsonNode)new JsonObject(fields.Distinct().Select(f => KeyValuePair.Create(f, (node as JsonObject)?[f]?.DeepClone()))))];

    private static void AddIf(List<string> terms, string key, string? value)
    {
        if (value is not null)
        {
            terms.Add($"{key}={value}");
        }
    }
}
