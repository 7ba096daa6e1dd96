using System.CommandLine;
using System.Text.RegularExpressions;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Config;

/// <summary>`config [--file-path P]`: writes <see cref="ConfigTemplate"/> (mode 0600), refusing when any of the three
/// places kci-dev reads already holds a file (kci-dev.md §1; kernelci/kci-dev:kcidev/subcommands/config.py).</summary>
internal static partial class ConfigCommand
{
    private const string DefaultPath = "~/.config/kci-dev/kci-dev.toml";

    public static Command Create(CliContext context)
    {
        var filePath = new Option<string>("--file-path")
        {
            Description = "Where to write the config file",
            DefaultValueFactory = _ => DefaultPath,
        };
        var command = new Command("config", "Write a config file to start from (instances local, staging, production)") { filePath };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            foreach (var existing in KciDevConfig.Candidates(context, session.Value(GlobalOptions.Settings)).Where(File.Exists))
            {
                throw new CliException("config file already present at: " + existing);
            }

            var given = session.Value(filePath) ?? DefaultPath;
            var path = Expand(context, given);
            if (Directory.Exists(path) || given.EndsWith('/'))
            {
                throw new CliException($"--file-path {given}: is a directory, not a config file");
            }

            if (File.Exists(path))
            {
                throw new CliException($"--file-path {given}: a config file already exists at {path}");
            }

            session.Console.Ansi.WriteLine("Config file not present, adding a config file to " + path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Created with mode 0600 from the start: it holds tokens.
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var stream = new FileStream(path, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(ConfigTemplate.Text.AsMemory(), cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>`~` and `$VAR`/`${VAR}` expanded as upstream's os.path.expanduser/expandvars do; relative to the working folder.</summary>
    private static string Expand(CliContext context, string path)
    {
        var expanded = Variable().Replace(path, m => context.Environment(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) ?? m.Value);
        if (expanded == "~" || expanded.StartsWith("~/", StringComparison.Ordinal))
        {
            expanded = context.HomeDirectory + expanded[1..];
        }

        return Path.GetFullPath(expanded, context.WorkingDirectory);
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Variable();
}
