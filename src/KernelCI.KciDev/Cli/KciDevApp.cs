using System.CommandLine;

namespace KernelCI.KciDev.Cli;

/// <summary>Parses and runs one kci-dev command line; tests call it in process with their own <see cref="CliContext"/>.</summary>
public static class KciDevApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = KciDevCommand.Create(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line, as every other failure, instead of the parser's help page; exit 2 as click's usage errors.
            var command = string.Join(' ', CommandPath(parse.CommandResult));
            var messages = string.Join(' ', parse.Errors.Select(e => e.Message).Distinct());
            await context.Console.Error.WriteLineAsync($"kci-dev: {messages} (see `{command} --help`)");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = context.Console.Out, Error = context.Console.Error };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new List<string>();
        for (var at = (System.CommandLine.Parsing.SymbolResult?)result; at is not null; at = at.Parent)
        {
            if (at is System.CommandLine.Parsing.CommandResult command)
            {
                names.Insert(0, command.Parent is null ? "kci-dev" : command.Command.Name);
            }
        }

        return names;
    }
}
