using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Pipeline.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The pull lab's routes under `/api/pull/{lab}` (docs/labs.md, "Connecting a firewalled lab (pull)"),
/// each for the lab whose own token (`runtime_token` or `callback_token`) is in `Authorization`, as on the callback
/// route: another lab's token is 401, another lab's job 404.</summary>
internal static class PullLabApi
{
    /// <summary>The longest a blocking claim waits, below the usual 60–120 s of proxies between a lab and us.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(50);

    public static async Task<IResult> ListAsync(string lab, ClaimsPrincipal user, PullJobs jobs, HttpContext http)
    {
        Authorize(lab, user, jobs);
        var waiting = await jobs.WaitingAsync(lab, http.RequestAborted);
        return Reply(new JsonObject { ["jobs"] = JsonSerializer.SerializeToNode(waiting, PullJson.Options) });
    }

    /// <summary>POST claim `{worker, wait_s}`: the oldest waiting job, waiting up to wait_s (at most
    /// <see cref="MaxWait"/>) for one; 204 when none came.</summary>
    public static async Task<IResult> ClaimNextAsync(string lab, ClaimsPrincipal user, PullJobs jobs, HttpContext http)
    {
        Authorize(lab, user, jobs);
        var body = await ApiInput.ReadAsync(http.Request, http.RequestAborted);
        var worker = Worker(body);
        var wait = TimeSpan.Zero;
        if (body["wait_s"] is { } given)
        {
            wait = given is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(Math.Min(seconds, MaxWait.TotalSeconds))
                : throw ApiException.BadRequest("wait_s: must be a number of seconds, 0 or more");
        }

        var job = await jobs.ClaimNextAsync(lab, worker, wait, http.RequestAborted);
        return job is null ? Microsoft.AspNetCore.Http.Results.NoContent() : Reply(JsonSerializer.SerializeToNode(job, PullJson.Options)!.AsObject());
    }

    public static async Task<IResult> ClaimAsync(string lab, string id, ClaimsPrincipal user, PullJobs jobs, HttpContext http)
    {
        Authorize(lab, user, jobs);
        var body = await ApiInput.ReadAsync(http.Request, http.RequestAborted);
        var job = await jobs.ClaimAsync(lab, Worker(body), id, http.RequestAborted);
        return Reply(JsonSerializer.SerializeToNode(job, PullJson.Options)!.AsObject());
    }

    /// <summary>POST progress `{worker, step}`: the worker is still on the job; its lease starts again from now.</summary>
    public static async Task<IResult> ProgressAsync(string lab, string id, ClaimsPrincipal user, PullJobs jobs, HttpContext http)
    {
        Authorize(lab, user, jobs);
        var body = await ApiInput.ReadAsync(http.Request, http.RequestAborted);
        if (body["step"] is { } step && (step is not JsonValue v || v.GetValueKind() != JsonValueKind.String || step.ToString().Length > 200))
        {
            throw ApiException.BadRequest("step: must be a string of at most 200 characters");
        }

        var job = await jobs.ProgressAsync(lab, Worker(body), id, http.RequestAborted);
        return Reply(JsonSerializer.SerializeToNode(job, PullJson.Options)!.AsObject());
    }

    public static async Task<IResult> DefinitionAsync(string lab, string id, ClaimsPrincipal user, PullJobs jobs, HttpContext http)
    {
        Authorize(lab, user, jobs);
        return Microsoft.AspNetCore.Http.Results.Bytes(await jobs.DefinitionAsync(lab, id, http.RequestAborted), "application/json");
    }

    private static void Authorize(string lab, ClaimsPrincipal user, PullJobs jobs)
    {
        jobs.RequireLab(lab);
        if (!user.FindAll(LabTokenHandler.LabClaim).Any(c => c.Value == lab))
        {
            throw new ApiException(StatusCodes.Status401Unauthorized, $"Unauthorized: the token is not lab {lab}'s");
        }
    }

    private static string Worker(JsonObject body) => ApiInput.OptionalString(body, "worker") is { } worker
        ? worker.Length is > 0 and <= 200 && !worker.Any(char.IsControl) ? worker
            : throw ApiException.BadRequest("worker: must be 1 to 200 characters, none a control character")
        : "unnamed";

    private static IResult Reply(JsonObject body) => Microsoft.AspNetCore.Http.Results.Text(body.ToJsonString(), "application/json");
}
