using System.CommandLine;

namespace KernelCI.KciDev.Cli;

/// <summary>Parses and runs one kci-dev command line; tests call it in process with their own <see cref="CliContext"/>.</summary>
public static class KciDevApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = KciDevCommand.Create(context);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = context.Console.Out, Error = context.Console.Error };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
