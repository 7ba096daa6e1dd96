using System.CommandLine;
using KernelCI.Client.Pipeline;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Jobs;
using KernelCI.KciDev.Watch;

namespace KernelCI.KciDev.Patchset;

/// <summary>`patchset`: tests patches (local files or URLs) on top of a checkout node, and with `--watch` follows the
/// jobs of the patchset's own tree (kci-dev.md §2.1; kernelci/kci-dev:kcidev/subcommands/patchset.py).</summary>
internal static class PatchsetCommand
{
    public static Command Create(CliContext context)
    {
        var nodeId = new Option<string?>("--nodeid") { Description = "The checkout node to apply the patches on (required)" };
        var patch = new Option<string[]>("--patch") { Description = "Local patch file, sent inline; repeat for more (applied in order)", Arity = ArgumentArity.ZeroOrMore };
        var patchUrl = new Option<string[]>("--patchurl") { Description = "Patch URL from an allowed site; repeat for more", Arity = ArgumentArity.ZeroOrMore };
        var jobs = new JobOptions();
        var command = new Command("patchset", "Test patches on top of a checkout node, optionally watching its jobs") { nodeId, patch, patchUrl };
        foreach (var option in jobs.All)
        {
            command.Options.Add(option);
        }

        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var instance = session.RequireInstance();
            var node = string.IsNullOrWhiteSpace(session.Value(nodeId)) ? throw new CliException("--nodeid: required") : session.Value(nodeId)!;
            var files = session.Value(patch) ?? [];
            var urls = session.Value(patchUrl) ?? [];
            if (files.Length > 0 && urls.Length > 0)
            {
                throw new CliException("--patch and --patchurl are mutually exclusive");
            }

            if (files.Length == 0 && urls.Length == 0)
            {
                throw new CliException("--patch: either --patch FILE or --patchurl URL is required");
            }

            var (jobFilter, platforms, watch, test) = jobs.Read(session);
            var pipeline = PipelineConnection.Pipeline(session, instance, TimeSpan.FromSeconds(60));
            var patches = files.Length > 0 ? await PatchFiles.ReadAsync(files, session.Context.WorkingDirectory, cancellationToken) : null;
            var reply = await PipelineConnection.PostAsync(() => pipeline.PatchsetAsync(new PatchsetRequest(node, patches, urls.Length > 0 ? urls : null,
                jobFilter.Count > 0 ? jobFilter : null, platforms.Count > 0 ? platforms : null), cancellationToken));
            var ansi = session.Console.Ansi;
            var (treeId, _) = NodeReply.Print(ansi, reply, "patchset_nodeid");
            if (!watch)
            {
                return ExitCodes.Success;
            }

            return await WatchRunner.RunAsync(session, instance, NodeReply.Watching(ansi, treeId, "patchset", jobFilter, test), cancellationToken);
        });
        return command;
    }
}
