using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results;

/// <summary>`results test --id ID`: one test from `test/{id}` (kci-dev.md §2.2).</summary>
internal static class TestCommand
{
    public static Command Create(CliContext context) => TestItemCommand.Create(context, "test", "Show one test");
}
