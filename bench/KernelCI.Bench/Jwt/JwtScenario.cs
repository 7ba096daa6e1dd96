using System.CommandLine;

namespace KernelCI.Bench.Jwt;

internal sealed class JwtScenario : IScenario
{
    public string Name => "jwt";

    public string Description => "Validate one HS256 token: ours (Hs256Jwt) against Microsoft.IdentityModel.JsonWebTokens, alternated";

    public Command CreateCommand(TextWriter output)
    {
        var validations = new Option<int>("--validations") { Description = "Validations per timed pass", DefaultValueFactory = _ => 200_000 };
        var rounds = new Option<int>("--rounds") { Description = "Timed passes of each, alternated; the first pair is discarded", DefaultValueFactory = _ => 6 };
        var command = new Command(Name, Description) { validations, rounds };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(validations);
            var passes = parse.GetValue(rounds);
            if (count < 1 || passes < 2)
            {
                await output.WriteLineAsync("--validations must be positive and --rounds at least 2 (the first pair is discarded)");
                return ExitCodes.Usage;
            }

            return await new JwtBenchmark(count, passes, output).RunAsync(cancellationToken);
        });
        return command;
    }
}
