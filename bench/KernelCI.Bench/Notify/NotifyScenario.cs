using System.CommandLine;

namespace KernelCI.Bench.Notify;

/// <summary>Issue 21's benchmark: a regression's opening to its mail accepted by an SMTP server, and a checkout opening
/// many regressions for many subscriptions: reports written per second, mails sent, the sender against plain MailKit.</summary>
internal sealed class NotifyScenario : IScenario
{
    public string Name => "notify";

    public string Description => "Email reports: regression → mail accepted p95; 10,000 subscriptions × 1,000 regressions; sender vs plain MailKit";

    public Command CreateCommand(TextWriter output)
    {
        var subscriptions = new Option<int>("--subscriptions") { Description = "Confirmed subscriptions (each follows one test path)", DefaultValueFactory = _ => 10_000 };
        var regressions = new Option<int>("--regressions") { Description = "Regressions the big checkout opens", DefaultValueFactory = _ => 1_000 };
        var latency = new Option<int>("--latency") { Description = "Regressions opened one at a time for the latency (1-100)", DefaultValueFactory = _ => 20 };
        var keep = new Option<bool>("--keep") { Description = "Keep the temporary folder (server data and log)" };
        var command = new Command(Name, Description) { subscriptions, regressions, latency, keep };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new NotifySettings(parse.GetValue(subscriptions), parse.GetValue(regressions), parse.GetValue(latency), parse.GetValue(keep));
            if (settings.Subscriptions is < 1 or > 1_000_000 || settings.Regressions is < 1 or > 100_000 || settings.LatencySamples is < 1 or > 100)
            {
                await output.WriteLineAsync("--subscriptions must be 1-1,000,000, --regressions 1-100,000, --latency 1-100");
                return ExitCodes.Usage;
            }

            return await new NotifyBenchmark(settings, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
