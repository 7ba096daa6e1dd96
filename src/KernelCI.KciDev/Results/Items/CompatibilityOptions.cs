using System.CommandLine;

namespace KernelCI.KciDev.Results.Items;

/// <summary>Upstream's `--verbose` (a flag that is always on) and `--error-verbose` (whether the server's error is echoed
/// on standard output): accepted so upstream's command lines run, hidden because they change nothing here (our
/// errors are always one line on standard error).</summary>
internal static class CompatibilityOptions
{
    public static void AddTo(Command command)
    {
        command.Options.Add(new Option<bool>("--verbose") { Description = "Accepted for upstream's command lines; details are always printed", Hidden = true });
        command.Options.Add(new Option<bool>("--error-verbose") { Description = "Accepted for upstream's command lines", Hidden = true });
    }
}
