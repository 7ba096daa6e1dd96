using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Issues;

/// <summary>`issues match add`: a new known issue (KCIDB issue version 1 of our origin) with its matcher.</summary>
internal static class MatchAddCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new KcidbFlags();
        var fields = new MatcherOptions();
        var name = new Option<string?>("--name") { Description = "The issue's name, its id being ORIGIN:known_NAME (a-z, 0-9, _; random by default)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("add", "Add a known issue with a matcher; matching results of any origin get an incident") { name, json };
        fields.AddTo(command);
        flags.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var body = fields.Body(session);
            if (session.Value(name) is { } given)
            {
                body["name"] = given;
            }

            var reply = await KcidbAdminClient.Create(session, flags).SendAsync(HttpMethod.Post, "known-issues", body, cancellationToken);
            await KnownIssueText.WriteAsync(session, reply, session.Value(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
