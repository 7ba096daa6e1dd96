using System.CommandLine;

namespace KernelCI.KciDev.Cli;

/// <summary>kci-dev.md §1: `--settings`, `--instance`, `--debug`, accepted before or after the command name.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Settings = new("--settings")
    {
        Description = "Config file (TOML); default: the first of ./.kci-dev.toml, ~/.config/kci-dev/kci-dev.toml, /etc/kci-dev.toml",
        Recursive = true,
    };

    public static readonly Option<string?> Instance = new("--instance")
    {
        Description = "Instance of the config file to use (default: its default_instance)",
        Recursive = true,
    };

    public static readonly Option<bool> Debug = new("--debug")
    {
        Description = "Print each HTTP request on standard error",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Settings, Instance, Debug];
}
