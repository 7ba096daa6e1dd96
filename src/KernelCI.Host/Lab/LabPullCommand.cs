using System.CommandLine;
using KernelCI.Pipeline.Runtimes.PullLabs.Worker;

namespace KernelCI.Host.Lab;

/// <summary>`kernelci lab pull --lab NAME`: the reference worker of a firewalled (pull_labs) lab, which claims the
/// lab's jobs from the pipeline API, boots them in QEMU and posts the results (docs/labs.md, "Connecting a
/// firewalled lab (pull)"). The token is read from a file or $KCI_LAB_TOKEN, never from the command line.</summary>
internal static class LabPullCommand
{
    public static Command Create(IAppConsole console)
    {
        var lab = new Option<string>("--lab") { Description = "The lab's runtime name in the pipeline configuration", Required = true };
        var url = new Option<string>("--url")
        {
            Description = "The pipeline API's URL (default: $KCI_PIPELINE_URL, else http://127.0.0.1:8002/)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("KCI_PIPELINE_URL") ?? "http://127.0.0.1:8002/",
        };
        var tokenFile = new Option<string?>("--token-file") { Description = "File holding the lab's token (default: $KCI_LAB_TOKEN)" };
        var callbackTokenFile = new Option<string?>("--callback-token-file") { Description = "File holding the lab's callback token (default: the lab's token)" };
        var once = new Option<bool>("--once") { Description = "Run one job, then exit" };
        var workDir = new Option<string?>("--work-dir") { Description = "Where jobs are unpacked (default: a folder in /tmp)" };
        var kvm = new Option<bool>("--kvm") { Description = "Let QEMU use /dev/kvm when it opens" };
        var command = new Command("pull", "Claim this lab's jobs from the pipeline, boot them in QEMU and report the results")
        {
            lab, url, tokenFile, callbackTokenFile, once, workDir, kvm,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(url)!;
            if (!Uri.TryCreate(given, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            {
                await console.Error.WriteLineAsync($"--url: '{given}' is not an http(s) URL");
                return ExitCodes.Usage;
            }

            var token = await ReadTokenAsync(parse.GetValue(tokenFile), "--token-file", console, cancellationToken)
                ?? Environment.GetEnvironmentVariable("KCI_LAB_TOKEN");
            if (string.IsNullOrWhiteSpace(token))
            {
                await console.Error.WriteLineAsync("--token-file: the lab's token is needed (a file, or $KCI_LAB_TOKEN)");
                return ExitCodes.Usage;
            }

            var callbackToken = await ReadTokenAsync(parse.GetValue(callbackTokenFile), "--callback-token-file", console, cancellationToken);
            var options = new PullWorkerOptions(parse.GetValue(lab)!, api, token.Trim(), callbackToken?.Trim(), parse.GetValue(once),
                parse.GetValue(workDir), parse.GetValue(kvm));
            try
            {
                var ran = await new PullWorker(options, new ConsoleLogger(console.Out)).RunAsync(cancellationToken);
                await console.Out.WriteLineAsync($"{ran} job(s) run");
                return ExitCodes.Success;
            }
            catch (HttpRequestException e)
            {
                await console.Error.WriteLineAsync($"--url: {e.Message}");
                return ExitCodes.Failure;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Success;
            }
            catch (TaskCanceledException)
            {
                await console.Error.WriteLineAsync($"--url: {api} did not answer in time");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static async Task<string?> ReadTokenAsync(string? file, string option, IAppConsole console, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return null;
        }

        try
        {
            return await File.ReadAllTextAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await console.Error.WriteLineAsync($"{option}: cannot read {file}: {e.Message}");
            return null;
        }
    }
}
