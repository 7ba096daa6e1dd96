using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Completion;

/// <summary>`kci-dev completion bash|zsh|fish`: prints the shell's completion script (upstream has none; click's
/// `_KCI_DEV_COMPLETE` variable is not kept).</summary>
internal static class CompletionCommand
{
    public static Command Create(CliContext context)
    {
        var shell = new Argument<string>("shell") { Description = "bash, zsh or fish" };
        shell.CompletionSources.Add(["bash", "zsh", "fish"]);
        var command = new Command("completion", "Print a shell completion script (bash, zsh or fish)") { shell };
        command.SetKciAction(context, async (session, _) =>
        {
            var script = session.Value(shell) switch
            {
                "bash" => CompletionScripts.Bash,
                "zsh" => CompletionScripts.Zsh,
                "fish" => CompletionScripts.Fish,
                var other => throw new CliException($"completion {other}: unknown shell (bash, zsh or fish)"),
            };
            await session.Console.Out.WriteAsync(script);
            return ExitCodes.Success;
        });
        return command;
    }
}
