using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>The four modes of `results issues` (kci-dev.md §2.2): the origin's issue list, one checkout's issues with
/// the new ones tagged, the new issues of one checkout or of every tree, and the failures no issue is attached to.</summary>
internal static class IssuesModes
{
    /// <summary>`issue/`: the issues of the last `--days` days, each with the tree it was first seen on.</summary>
    public static async Task ListAsync(IssuesRequest request, CancellationToken cancellationToken)
    {
        JsonNode listing;
        try
        {
            listing = await request.Dashboard.GetAsync("issue/",
                [new("interval_in_days", request.Days.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("filter_origin", request.Origin)], cancellationToken);
        }
        catch (DashboardApiException e) when (e.IsErrorReply && e.Message.Contains("No issues", StringComparison.Ordinal))
        {
            listing = new JsonObject();
        }

        var extras = (listing as JsonObject)?["extras"] as JsonObject ?? [];
        var issues = ((listing as JsonObject)?["issues"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (request.Json)
        {
            // Upstream's shape: each issue with `extra: {id: its extras entry}` when it has one.
            await JsonOutput.WriteAsync(request.Console, new JsonArray([.. issues.Select(i =>
            {
                var copy = i.DeepClone().AsObject();
                if (extras[Str(i["id"]) ?? ""] is { } extra)
                {
                    copy["extra"] = new JsonObject { [Str(i["id"])!] = extra.DeepClone() };
                }

                return (JsonNode)copy;
            })]));
            return;
        }

        if (issues.Count == 0)
        {
            Line(request.Console, $"No issues found in the last {request.Days} days (origin {Esc(request.Origin)})");
        }

        foreach (var issue in issues)
        {
            IssueView.Print(request.Console, issue, request.Links, extras[Str(issue["id"]) ?? ""] as JsonObject);
        }
    }

    /// <summary>One checkout's issues, those first seen on it tagged `[NEW]`.</summary>
    public static async Task CheckoutAsync(IssuesRequest request, IssueCheckout checkout, CancellationToken cancellationToken)
    {
        var (_, issues) = await CheckoutIssues.FetchAsync(request.Dashboard, checkout, request.Origin, request.Arch, newOnly: false, cancellationToken);
        if (request.Json)
        {
            await JsonOutput.WriteAsync(request.Console, new JsonArray([.. issues.Select(i =>
            {
                var copy = i.Issue.DeepClone().AsObject();
                copy["is_new_issue"] = i.IsNew;
                return (JsonNode)copy;
            })]));
            return;
        }

        Line(request.Console, $"[green]{Esc(checkout.Title)}:{Esc(checkout.Commit)}[/]");
        if (issues.Count == 0)
        {
            Line(request.Console, "No issues found");
        }

        foreach (var (issue, isNew) in issues)
        {
            IssueView.Print(request.Console, issue, request.Links, IssueView.FirstIncident(issue), isNew);
        }
    }

    /// <summary>The issues first seen on each of <paramref name="checkouts"/>; with several, a tree that fails is
    /// skipped with a warning.</summary>
    public static async Task NewAsync(IssuesRequest request, List<IssueCheckout> checkouts, CancellationToken cancellationToken)
    {
        var all = new JsonArray();
        foreach (var checkout in checkouts)
        {
            int named;
            List<(JsonObject Issue, bool IsNew)> issues;
            try
            {
                (named, issues) = await CheckoutIssues.FetchAsync(request.Dashboard, checkout, request.Origin, request.Arch, newOnly: true, cancellationToken);
            }
            catch (DashboardApiException e) when (e.IsErrorReply && checkouts.Count > 1)
            {
                await request.WarnAsync(checkout, e.Message);
                continue;
            }

            if (request.Json)
            {
                issues.ForEach(i => all.Add(i.Issue));
                continue;
            }

            Line(request.Console, $"[green]{Esc(checkout.Title)}:{Esc(checkout.Commit)}[/]");
            if (issues.Count == 0)
            {
                Line(request.Console, named == 0 ? "No issues found" : "No new issues found");
            }

            foreach (var (issue, _) in issues)
            {
                IssueView.Print(request.Console, issue, request.Links, IssueView.FirstIncident(issue));
            }
        }

        if (request.Json)
        {
            await JsonOutput.WriteAsync(request.Console, all);
        }
    }

    /// <summary>For each kind, the failed items without an issue of each checkout.</summary>
    public static async Task MissingAsync(IssuesRequest request, List<IssueCheckout> checkouts, string[] kinds, CancellationToken cancellationToken)
    {
        var json = new JsonObject();
        foreach (var kind in kinds)
        {
            if (!request.Json)
            {
                Line(request.Console);
                Line(request.Console, $"[green]Fetching data for {kind}...[/]");
            }

            var found = new JsonArray();
            foreach (var checkout in checkouts)
            {
                List<(string Id, string Status)> missing;
                try
                {
                    missing = await MissingIssues.FetchAsync(request.Dashboard, checkout, kind, request.Origin, request.Arch, cancellationToken);
                }
                catch (DashboardApiException e) when (e.IsErrorReply && checkouts.Count > 1)
                {
                    await request.WarnAsync(checkout, e.Message);
                    continue;
                }

                if (missing.Count == 0)
                {
                    continue;
                }

                found.Add(MissingIssues.ToJson(checkout, missing));
                if (!request.Json)
                {
                    MissingIssues.Print(request.Console, checkout, kind, missing, request.Links);
                }
            }

            json[kind] = found;
        }

        if (request.Json)
        {
            await JsonOutput.WriteAsync(request.Console, json);
        }
    }
}
