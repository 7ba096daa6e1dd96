using System.CommandLine;

namespace KernelCI.KciDev.Subscriptions;

/// <summary>`--token` (the manage link's token from any report mail) and `--kcidb-token` (an admin's, overriding
/// KCIDB_REST and the config file, as `issues match` names it).</summary>
internal sealed class CallerFlags
{
    public Option<string?> Token { get; } = new("--token") { Description = "The token of the manage link in a report mail (…/api/subscriptions?token=T)" };

    public Option<string?> AdminToken { get; } = new("--kcidb-token") { Description = "A KCIDB admin token (overrides KCIDB_REST and the config file's kcidb_token)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Token);
        command.Options.Add(AdminToken);
    }
}
