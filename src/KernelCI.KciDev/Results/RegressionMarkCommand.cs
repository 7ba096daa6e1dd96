using System.CommandLine;
using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Issues;

namespace KernelCI.KciDev.Results;

/// <summary>`results regressions mark ID --invalid|--open`: ours. A person's verdict on a tracked regression, on our
/// KCIDB listener with a submitter token (docs/regressions.md, "Marking a regression"); `--open` undoes it.</summary>
internal static class RegressionMarkCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new KcidbFlags();
        var id = new Argument<string>("id") { Description = "The regression's id (from `results regressions`)" };
        var invalid = new Option<bool>("--invalid") { Description = "Mark it invalid: it stays so whatever the results say" };
        var open = new Option<bool>("--open") { Description = "Undo the mark: its state is again what the results say" };
        var command = new Command("mark", "Mark a regression invalid, or undo that (needs a KCIDB token)") { id, invalid, open };
        flags.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            if (session.Value(invalid) == session.Value(open))
            {
                throw new CliException("give exactly one of --invalid and --open");
            }

            var client = KcidbAdminClient.Create(session, flags);
            var path = $"regressions/{Uri.EscapeDataString(session.Value(id)!)}/mark";
            var reply = session.Value(invalid)
                ? await client.SendAsync(HttpMethod.Put, path, new JsonObject { ["state"] = "invalid" }, cancellationToken)
                : await client.SendAsync(HttpMethod.Delete, path, null, cancellationToken);
            await session.Console.Out.WriteLineAsync($"Regression {session.Value(id)} is {ResultText.Str(reply?["state"]) ?? "?"}");
            return ExitCodes.Success;
        });
        return command;
    }
}
