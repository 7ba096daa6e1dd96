using System.CommandLine;
using KernelCI.Client.Pipeline;
using KernelCI.Client.Watching;
using KernelCI.KciDev.Cli;
using Spectre.Console;
using KernelCI.KciDev.Jobs;
using KernelCI.KciDev.Watch;

namespace KernelCI.KciDev.Checkout;

/// <summary>`checkout`: asks the pipeline API to build and test a commit of a tree, and with `--watch` follows the jobs
/// (kci-dev.md §2.1; kernelci/kci-dev:kcidev/subcommands/checkout.py).</summary>
internal static class CheckoutCommand
{
    public static Command Create(CliContext context)
    {
        var giturl = new Option<string?>("--giturl") { Description = "Git repository URL of the tree (required)" };
        var branch = new Option<string?>("--branch") { Description = "Branch of the tree (required)" };
        var commit = new Option<string?>("--commit") { Description = "Full commit SHA to test" };
        var tipOfTree = new Option<bool>("--tipoftree") { Description = "Test the newest commit of the branch (git ls-remote)" };
        var jobs = new JobOptions();
        var command = new Command("checkout", "Build and test a commit of a tree, optionally watching its jobs") { giturl, branch, commit, tipOfTree };
        foreach (var option in jobs.All)
        {
            command.Options.Add(option);
        }

        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var instance = session.RequireInstance();
            var url = Required(session.Value(giturl), "--giturl");
            var branchName = Required(session.Value(branch), "--branch");
            var (jobFilter, platforms, watch, test) = jobs.Read(session);
            if (session.Value(commit) is null && !session.Value(tipOfTree))
            {
                throw new CliException("--commit: no commit defined (give --commit SHA or --tipoftree)");
            }

            var pipeline = PipelineConnection.Pipeline(session, instance, TimeSpan.FromSeconds(30));
            var ansi = session.Console.Ansi;
            if (jobFilter.Count == 0)
            {
                ansi.MarkupLine("[yellow]No job filter defined. All jobs will be triggered![/]");
            }

            var sha = session.Value(commit) ?? await TipOfTree.ResolveAsync(session, url, branchName, cancellationToken);
            var reply = await PipelineConnection.PostAsync(() => pipeline.CheckoutAsync(
                new CheckoutRequest(url, branchName, sha, jobFilter.Count == 0 ? null : jobFilter, platforms), cancellationToken));
            var (treeId, nodeId) = NodeReply.Print(ansi, reply, "checkout_nodeid");
            if (!watch)
            {
                return ExitCodes.Success;
            }

            return await WatchRunner.RunAsync(session, instance, NodeReply.Watching(ansi, treeId, "checkout", jobFilter, test), cancellationToken);
        });
        return command;
    }

    private static string Required(string? value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new CliException($"{option}: required") : value;
}
