using System.CommandLine;
using KernelCI.Client.Kcidb;

namespace KernelCI.Host.Kcidb;

internal static class KcidbQueryCommand
{
    public static Command Create(IAppConsole console)
    {
        var url = new Option<string?>("--url") { Description = "KCIDB server URL (default: $KCIDB_REST)" };
        var token = new Option<string?>("--token") { Description = "JWT (queries are public; any value is sent as is)", DefaultValueFactory = _ => "none" };
        var checkouts = new Option<string[]>("--checkout", "-c") { Description = "Checkout id (repeatable)" };
        var builds = new Option<string[]>("--build", "-b") { Description = "Build id (repeatable)" };
        var tests = new Option<string[]>("--test", "-t") { Description = "Test id (repeatable)" };
        var incidents = new Option<string[]>("--incident", "-n") { Description = "Incident id (repeatable)" };
        var issues = new Option<string[]>("--issue", "-i") { Description = "Issue id (repeatable, with --issue-version)" };
        var issueVersions = new Option<int[]>("--issue-version") { Description = "Version of each --issue, in order" };
        var children = new Option<bool>("--children") { Description = "Add every object below the named ones" };
        var parents = new Option<bool>("--parents") { Description = "Add every object above the named ones" };
        var command = new Command("query", "Print a v5.3 document with the named objects, as kcidb-query does")
        {
            url, token, checkouts, builds, tests, incidents, issues, issueVersions, children, parents,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var issueIds = parse.GetValue(issues) ?? [];
            var versions = parse.GetValue(issueVersions) ?? [];
            if (issueIds.Length != versions.Length)
            {
                await console.Error.WriteLineAsync("--issue-version: give one for each --issue");
                return ExitCodes.Usage;
            }

            var endpoint = KcidbEndpoint.Resolve(parse.GetValue(url), parse.GetValue(token), out var error);
            if (endpoint is null)
            {
                await console.Error.WriteLineAsync(error);
                return ExitCodes.Usage;
            }

            var query = new KcidbQuery
            {
                Checkouts = parse.GetValue(checkouts) ?? [],
                Builds = parse.GetValue(builds) ?? [],
                Tests = parse.GetValue(tests) ?? [],
                Incidents = parse.GetValue(incidents) ?? [],
                Issues = [.. issueIds.Zip(versions)],
                Children = parse.GetValue(children),
                Parents = parse.GetValue(parents),
            };
            using var http = endpoint.CreateHttpClient();
            try
            {
                using var document = await new KcidbClient(http, endpoint.Token).QueryAsync(query, cancellationToken);
                await console.Out.WriteLineAsync(DocumentFile.Write(document.RootElement));
                return ExitCodes.Success;
            }
            catch (Exception e) when (e is KcidbClientException or HttpRequestException or TaskCanceledException)
            {
                await console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Failure;
            }
        });
        return command;
    }
}
