using System.CommandLine;
using KernelCI.Client.Kcidb;

namespace KernelCI.Host.Kcidb;

internal static class KcidbSubmitCommand
{
    public static Command Create(IAppConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "A KCIDB JSON document, or - for standard input" };
        var url = new Option<string?>("--url") { Description = "KCIDB server URL (default: $KCIDB_REST)" };
        var token = new Option<string?>("--token") { Description = "Submission JWT" };
        var wait = new Option<bool>("--wait") { Description = "Wait until the submission is processed or failed" };
        var command = new Command("submit", "Submit a document to a KCIDB REST server and print its submission id") { file, url, token, wait };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var endpoint = KcidbEndpoint.Resolve(parse.GetValue(url), parse.GetValue(token), out var error);
            if (endpoint is null)
            {
                await console.Error.WriteLineAsync(error);
                return ExitCodes.Usage;
            }

            var path = parse.GetValue(file)!;
            if (path != "-" && !File.Exists(path))
            {
                await console.Error.WriteLineAsync($"{path}: no such file");
                return ExitCodes.Failure;
            }

            using var http = endpoint.CreateHttpClient();
            var client = new KcidbClient(http, endpoint.Token);
            try
            {
                await using var body = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
                var reply = await client.SubmitAsync(body, cancellationToken);
                await console.Out.WriteLineAsync(reply.Id);
                if (!parse.GetValue(wait))
                {
                    return ExitCodes.Success;
                }

                var status = await client.WaitAsync(reply.Id, TimeSpan.FromMilliseconds(250), cancellationToken: cancellationToken);
                await console.Out.WriteLineAsync(status.Status);
                foreach (var reason in status.Errors ?? [])
                {
                    await console.Error.WriteLineAsync(reason);
                }

                return status.Status == "processed" ? ExitCodes.Success : ExitCodes.Failure;
            }
            catch (Exception e) when (e is KcidbClientException or HttpRequestException or TaskCanceledException)
            {
                await console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
