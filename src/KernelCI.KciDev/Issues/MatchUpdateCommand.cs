using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Issues;

/// <summary>`issues match update ID`: changes the fields given; KCIDB gets a new version of the issue.</summary>
internal static class MatchUpdateCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new KcidbFlags();
        var fields = new MatcherOptions();
        var id = new Argument<string>("id") { Description = "The known issue's id (ORIGIN:known_NAME)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("update", "Change a known issue: a new KCIDB version, applied again to recent results") { id, json };
        fields.AddTo(command);
        flags.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var body = fields.Body(session);
            if (body.Count == 0)
            {
                throw new CliException("nothing to change: give at least one of --subject, --comment, --test-path, --platform, --config, --arch, --compiler, --origin, --log-regex, --culprit");
            }

            var reply = await KcidbAdminClient.Create(session, flags)
                .SendAsync(HttpMethod.Put, "known-issues/" + Uri.EscapeDataString(session.Value(id)!), body, cancellationToken);
            await KnownIssueText.WriteAsync(session, reply, session.Value(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
