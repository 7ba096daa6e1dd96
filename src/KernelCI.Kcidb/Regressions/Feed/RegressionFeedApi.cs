using System.Globalization;
using System.Text.Json;
using KernelCI.Kcidb.Queries;
using KernelCI.Kcidb.Submissions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>The regression change feed (docs/regressions.md, "The change feed"): ours, not upstream's. Reading is public
/// like the rest of the query API (the dashboard lists the same regressions); writing a culprit needs a submitter's token
/// of the regression's origin (or an admin's).</summary>
public static class RegressionFeedApi
{
    public static IEndpointRouteBuilder MapRegressionFeed(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/regressions").WithTags("Regressions").AddEndpointFilter<KcidbErrorFilter>();
        api.MapGet("/changes", ChangesAsync)
            .WithSummary("Regression changes after a number, oldest first; wait=S blocks up to S seconds (at most 60) for the next one");
        api.MapGet("/{id}", GetAsync).WithSummary("One regression, with its culprit once bisected");
        api.MapPost("/{id}/culprit", SetCulpritAsync).RequireAuthorization(SubmitterAuthentication.Policy).DisableAntiforgery()
            .WithSummary("Record the culprit a bisection found (a token of the regression's origin)");
        return endpoints;
    }

    internal static async Task<Ok<RegressionChangePage>> ChangesAsync(HttpRequest request, RegressionFeed feed, IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        var after = Number(request, "after", 0, 0, long.MaxValue);
        var limit = (int)Number(request, "limit", 100, 1, 1000);
        var wait = Number(request, "wait", 0, 0, (long)RegressionFeed.MaxWait.TotalSeconds);
        return TypedResults.Ok(await feed.ReadAsync(after, limit, TimeSpan.FromSeconds(wait), cancellationToken, lifetime.ApplicationStopping));
    }

    internal static async Task<Results<Ok<RegressionRecord>, ProblemHttpResult>> GetAsync(string id, RegressionFeed feed, CancellationToken cancellationToken) =>
        await feed.GetAsync(id, cancellationToken) is { } regression ? TypedResults.Ok(regression) : Problems.NotFound($"id: no regression '{id}'");

    internal static async Task<Results<Ok<RegressionRecord>, ProblemHttpResult>> SetCulpritAsync(string id, HttpRequest request,
        SubmitterIdentity identity, RegressionFeed feed, CancellationToken cancellationToken)
    {
        RegressionCulprit? culprit;
        try
        {
            culprit = await JsonSerializer.DeserializeAsync<RegressionCulprit>(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return Problems.BadRequest("body: not a culprit object (" + e.Message.Split('\n')[0] + ")");
        }

        if (culprit?.Commit is not { Length: >= 7 and <= 64 } commit || !commit.All(Uri.IsHexDigit))
        {
            return Problems.BadRequest("commit: a git commit hash (7 to 64 hex digits) is required");
        }

        if (new[] { culprit.Subject, culprit.Author, culprit.Issue, culprit.Bisection }.Any(t => t is { Length: > 1000 } || t?.Contains('\0') == true))
        {
            return Problems.BadRequest("subject, author, issue, bisection: at most 1000 characters, without NUL");
        }

        if (culprit.Files is { } files && FilesError(files) is { } filesError)
        {
            return Problems.BadRequest("files: " + filesError);
        }

        if (await feed.GetAsync(id, cancellationToken) is not { } regression)
        {
            return Problems.NotFound($"id: no regression '{id}'");
        }

        if (!identity.Admin && regression.Origin != identity.Origin)
        {
            return TypedResults.Problem($"id: regression '{id}' is of origin '{regression.Origin}', the token's is '{identity.Origin}'",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        await feed.SetCulpritAsync(id, culprit, cancellationToken);
        return TypedResults.Ok((await feed.GetAsync(id, cancellationToken))!);
    }

    // Paths as git prints them, relative to the top of the tree: what `files` subscriptions match (docs/notifications.md).
    private static string? FilesError(IReadOnlyList<string> files)
    {
        if (files.Count > RegressionCulprit.MaxFiles)
        {
            return $"at most {RegressionCulprit.MaxFiles} paths (cut the list there)";
        }

        foreach (var file in files)
        {
            if (file is null || file.Length is 0 or > RegressionCulprit.MaxPathLength || file.StartsWith('/') || file.Any(char.IsControl))
            {
                return $"'{file}' is not a path relative to the top of the tree (1 to {RegressionCulprit.MaxPathLength} characters, no control characters)";
            }
        }

        return null;
    }

    private static long Number(HttpRequest request, string name, long fallback, long min, long max)
    {
        if (request.Query[name].ToString() is not { Length: > 0 } text)
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new BadParameterException(name, $"must be a whole number from {min} to {max}");
    }
}
