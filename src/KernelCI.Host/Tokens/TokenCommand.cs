using System.CommandLine;
using KernelCI.ServiceDefaults;

namespace KernelCI.Host.Tokens;

/// <summary>What the four token commands (`users`, `pipeline`, `kcidb`, `storage` `token`) share: `--data-dir` first
/// and `--days` last among the options, the command's own checks, then `--days`'s (usage errors: one line, exit 1),
/// the data folder's secret, and the token alone on stdout (exit 0). <see cref="Issue"/> returns null when the
/// subject does not exist: <see cref="Missing"/>'s line and exit 2.</summary>
internal sealed class TokenCommand
{
    public required string Description { get; init; }

    public required string SecretName { get; init; }

    public required TokenLifetime Lifetime { get; init; }

    public IReadOnlyList<Argument> Arguments { get; init; } = [];

    /// <summary>The command's own options, between --data-dir and --days.</summary>
    public IReadOnlyList<Option> Options { get; init; } = [];

    /// <summary>The command's own usage error, or null.</summary>
    public Func<ParseResult, string?> Check { get; init; } = _ => null;

    public required Func<TokenRequest, CancellationToken, Task<string?>> Issue { get; init; }

    public Func<ParseResult, string> Missing { get; init; } = _ => "no such subject";

    public Command Create(IAppConsole console)
    {
        var dataDir = CommonOptions.DataDir();
        var command = new Command("token", Description);
        foreach (var argument in Arguments)
        {
            command.Arguments.Add(argument);
        }

        foreach (var option in Options.Prepend(dataDir).Append(Lifetime.Option))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            var usage = Check(parse);
            var lifetime = Lifetime.Read(parse, out var valid);
            if (usage is not null || !valid)
            {
                await console.Error.WriteLineAsync(usage ?? "--days: must be a positive number of days");
                return ExitCodes.Usage;
            }

            var directory = parse.GetValue(dataDir)!;
            var secret = new SecretStore(directory).Get(SecretName);
            var token = await Issue(new TokenRequest(parse, directory, secret, lifetime), cancellationToken);
            if (token is null)
            {
                await console.Error.WriteLineAsync(Missing(parse));
                return ExitCodes.Failure;
            }

            await console.Out.WriteLineAsync(token);
            return ExitCodes.Success;
        });
        return command;
    }
}
