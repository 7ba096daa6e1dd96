using System.CommandLine;
using KernelCI.KciDev.Cli;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>`results issues`: without a checkout the origin's issues of the last `--days` days; with `--giturl`,
/// `--branch` and `--commit` (or `--latest`) that checkout's issues, the new ones tagged `[NEW]`; `--new` only the issues
/// first seen on the checkout (or on each tree's newest checkout); `--missing [--builds|--boots]` the failed builds and
/// boots no issue is attached to (kci-dev.md §2.2, §3.1).</summary>
internal static class IssuesCommand
{
    public static Command Create(CliContext context)
    {
        var revision = new RevisionOptions();
        var days = new Option<int>("--days") { Description = "How many days back, for the issue list and the trees", DefaultValueFactory = _ => 5 };
        var onlyNew = new Option<bool>("--new") { Description = "Only issues first seen on the checkout (or on each tree's newest checkout)" };
        var missing = new Option<bool>("--missing") { Description = "Failed and inconclusive builds and boots without an issue" };
        var builds = new Option<bool>("--builds") { Description = "With --missing: only builds" };
        var boots = new Option<bool>("--boots") { Description = "With --missing: only boots" };
        var command = new Command("issues", "KCIDB issues: the list, a checkout's (new ones tagged), new ones, or failures without one");
        revision.AddTo(command);
        foreach (var option in new Option[] { days, onlyNew, missing, builds, boots })
        {
            command.Options.Add(option);
        }

        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var (isNew, isMissing) = (session.Value(onlyNew), session.Value(missing));
            Refuse(session.Value(days) < 1, $"--days {session.Value(days)}: must be a positive number of days");
            Refuse(isNew && isMissing, "--new and --missing: give one of them");
            Refuse((session.Value(builds) || session.Value(boots)) && !isMissing, "--builds and --boots go with --missing");
            var given = new[] { session.Value(revision.GitUrl) is not null, session.Value(revision.Branch) is not null, session.Value(revision.Commit) is not null || session.Value(revision.Latest) };
            Refuse(given.Any(g => g) && !given.All(g => g),
                "give --giturl, --branch and --commit (or --latest) for one checkout, or none of them for every tree");

            var request = new IssuesRequest(session, session.Dashboard(), session.Value(revision.Origin) ?? "maestro", session.Value(days),
                session.Value(revision.Arch), session.Value(revision.Json));
            var checkout = given.All(g => g) ? await CheckoutAsync(request, revision, cancellationToken) : null;
            if (!isNew && !isMissing)
            {
                await (checkout is null ? IssuesModes.ListAsync(request, cancellationToken) : IssuesModes.CheckoutAsync(request, checkout, cancellationToken));
                return ExitCodes.Success;
            }

            var checkouts = checkout is null ? await IssueCheckout.ListAsync(request.Dashboard, request.Origin, request.Days, cancellationToken) : [checkout];
            if (isNew)
            {
                if (!request.Json)
                {
                    Line(session.Console, checkout is null ? "Fetching new issues for all checkouts..." : "Fetching new issues for the checkout...");
                }

                await IssuesModes.NewAsync(request, checkouts, cancellationToken);
            }
            else
            {
                string[] kinds = session.Value(builds) == session.Value(boots) ? ["builds", "boots"] : session.Value(builds) ? ["builds"] : ["boots"];
                await IssuesModes.MissingAsync(request, checkouts, kinds, cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The checkout asked about: its full commit (tags and `--latest` resolved) and its tree name, from `--tree`
    /// or the dashboard's tree list.</summary>
    private static async Task<IssueCheckout> CheckoutAsync(IssuesRequest request, RevisionOptions options, CancellationToken cancellationToken)
    {
        var revision = await RevisionResolver.ResolveAsync(request.Session, options, request.Dashboard, cancellationToken);
        var tree = request.Session.Value(options.Tree)
            ?? await IssueCheckout.TreeNameAsync(request.Dashboard, revision.Origin, revision.GitUrl, revision.Branch, cancellationToken);
        return new IssueCheckout(tree, revision.GitUrl, revision.Branch, revision.Commit);
    }

    private static void Refuse(bool condition, string message)
    {
        if (condition)
        {
            throw new CliException(message);
        }
    }
}
