using System.CommandLine;
using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Subscriptions;

/// <summary>`subscriptions add ADDRESS --tree … [--json]`: needs no token; the server mails a confirmation link to the
/// address (unless it is already confirmed) and sends nothing else before it is used.</summary>
internal static class SubscriptionAddCommand
{
    public static Command Create(CliContext context)
    {
        var address = new Argument<string>("address") { Description = "The address to mail (user@domain)" };
        var tree = new Option<string?>("--tree") { Description = "KCIDB tree name (e.g. mainline); the dashboard must have results of it" };
        var branch = new Option<string?>("--branch") { Description = "The tree's branch (needs --tree)" };
        var test = new Option<string?>("--test") { Description = "Test path pattern, * for any run of characters (e.g. 'baseline.*')" };
        var platform = new Option<string?>("--platform") { Description = "Platform, equal to the regression's" };
        var origin = new Option<string?>("--origin") { Description = "Origin, equal to the regression's (e.g. maestro)" };
        var files = new Option<string?>("--files") { Description = "MAINTAINERS F: pattern of the culprit's files (e.g. drivers/net/)" };
        var delivery = new Option<string?>("--delivery") { Description = "immediate (default) or daily" };
        var always = new Option<bool>("--always") { Description = "Mail the tree's checkout summary even when nothing changed (needs --tree)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("add", "Subscribe an address to regression reports; a confirmation mail is sent to it")
        {
            address, tree, branch, test, platform, origin, files, delivery, always, json,
        };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            // Only what is given goes out: the server names any missing or bad field (the house rule for bad input).
            var body = new JsonObject { ["address"] = session.Value(address) };
            foreach (var (key, option) in new[] { ("tree", tree), ("branch", branch), ("path", test), ("platform", platform), ("origin", origin), ("files", files), ("delivery", delivery) })
            {
                if (session.Value(option) is { } value)
                {
                    body[key] = value;
                }
            }

            if (session.Value(always))
            {
                body["always"] = true;
            }

            var added = await SubscriptionsConnection.Client(session).AddAsync(body, cancellationToken);
            if (session.Value(json))
            {
                await JsonOutput.WriteAsync(session.Console, added);
                return ExitCodes.Success;
            }

            await session.Console.Out.WriteLineAsync(SubscriptionText.Line(added));
            var to = SubscriptionText.Str(added, "address");
            await session.Console.Out.WriteLineAsync(SubscriptionText.Str(added, "state") == "active"
                ? $"{to} is already confirmed: this subscription is active."
                : $"A confirmation mail was sent to {to}: nothing else is mailed before its link is used.");
            return ExitCodes.Success;
        });
        return command;
    }
}
