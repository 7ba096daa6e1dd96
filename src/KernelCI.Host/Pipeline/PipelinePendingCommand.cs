using System.CommandLine;
using System.Globalization;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Services.SendKcidb;

namespace KernelCI.Host.Pipeline;

/// <summary>`kernelci pipeline pending`: the nodes the KCIDB bridge has not sent yet, oldest first.</summary>
internal static class PipelinePendingCommand
{
    public static Command Create(IAppConsole console)
    {
        var api = new Option<string>("--api")
        {
            Description = "Maestro API base URL",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KCI_API_URL") ?? "http://127.0.0.1:8001/latest/",
        };
        var token = new Option<string?>("--token")
        {
            Description = "Maestro API token (default: $KCI_API_TOKEN)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KCI_API_TOKEN"),
        };
        var command = new Command("pending", "List nodes not yet sent to KCIDB") { api, token };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var url = parse.GetValue(api)!;
            if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var baseUri))
            {
                await console.Error.WriteLineAsync($"--api: '{url}' is not a URL");
                return ExitCodes.Usage;
            }

            using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromMinutes(2) };
            IReadOnlyList<MaestroNode> nodes;
            try
            {
                nodes = await PendingReport.ListAsync(new MaestroClient(http, parse.GetValue(token)), cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or MaestroClientException or TaskCanceledException)
            {
                await console.Error.WriteLineAsync($"--api: cannot list nodes from {baseUri}: {e.Message}");
                return ExitCodes.Failure;
            }

            await WriteTableAsync(console.Out, nodes, TimeProvider.System.GetUtcNow().UtcDateTime);
            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<MaestroNode> nodes, DateTime now)
    {
        string[] header = ["ID", "KIND", "NAME", "STATE", "RESULT", "AGE"];
        var rows = nodes.Select(n => new[] { n.Id ?? "", n.Kind, n.Name, n.State, n.Result ?? "-", Age(now - (n.Created ?? now)) }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            await output.WriteLineAsync(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        await output.WriteLineAsync($"{nodes.Count} node(s) pending");
    }

    private static string Age(TimeSpan age) => age.TotalDays >= 1 ? $"{(int)age.TotalDays}d{age.Hours}h"
        : age.TotalHours >= 1 ? $"{(int)age.TotalHours}h{age.Minutes}m"
        : age.TotalMinutes >= 1 ? $"{(int)age.TotalMinutes}m{age.Seconds}s"
        : ((int)Math.Max(0, age.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";
}
