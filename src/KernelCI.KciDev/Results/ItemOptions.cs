using System.CommandLine;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results;

/// <summary>The options of `results build|boot|test` (upstream's single_build_and_test_options and `--json`), and the
/// one fetch they share.</summary>
internal sealed class ItemOptions
{
    public Option<string> Id { get; } = new("--id") { Description = "Id of the item, e.g. maestro:67b8…", Required = true };

    public Option<bool> DownloadLogs { get; } = new("--download-logs") { Description = "Download and gunzip the log into the working folder" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON" };

    public Command AddTo(Command command)
    {
        command.Options.Add(Id);
        command.Options.Add(DownloadLogs);
        command.Options.Add(Json);
        return command;
    }

    /// <summary>GET `{kind}/{id}`; the dashboard's not-found answer (HTTP 200 `{"error": "Build not found"}`) becomes one
    /// line naming the id.</summary>
    public async Task<JsonObject> FetchAsync(CommandSession session, DashboardApiClient dashboard, string kind, CancellationToken cancellationToken)
    {
        var id = session.Value(Id)!;
        if (string.IsNullOrWhiteSpace(id) || id.Contains('/', StringComparison.Ordinal) || id.Contains('?', StringComparison.Ordinal))
        {
            throw new CliException($"--id {id}: not a {kind} id");
        }

        try
        {
            return await dashboard.GetAsync($"{kind}/{id}", cancellationToken: cancellationToken) as JsonObject
                ?? throw new CliException($"--id {id}: the dashboard's answer is not a {kind}");
        }
        catch (DashboardApiException e) when (e.IsErrorReply)
        {
            throw new CliException($"--id {id}: {e.Message}");
        }
    }
}
