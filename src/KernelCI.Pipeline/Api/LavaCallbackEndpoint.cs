using System.Security.Claims;
using System.Text;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Runtimes.Lava.Callback;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Api;

/// <summary>POST /node/{id}: a lab's LAVA callback (upstream's route, kernelci/kernelci-pipeline:src/lava_callback.py).
/// The body is checked, stored in the database, and only then answered 202; the worker turns it into nodes, so a
/// callback answered is never lost (docs/labs.md, the callback). A job not finished yet, or a node already done
/// (a duplicate or late callback), is acknowledged and changes nothing.</summary>
internal static class LavaCallbackEndpoint
{
    public static async Task<IResult> HandleAsync(string id, HttpContext http, ClaimsPrincipal user, MaestroClient maestro,
        LavaCallbackStore store, CallbackSignal signal, ILogger<CallbackWorker> logger)
    {
        var cancellationToken = http.RequestAborted;
        if (id.Length != 24 || !id.All(char.IsAsciiHexDigit))
        {
            throw ApiException.BadRequest($"node_id: '{ApiInput.Shorten(id)}' is not a node id (24 hex digits)");
        }

        var body = await ApiInput.ReadAsync(http.Request, cancellationToken);
        LavaCallback callback;
        try
        {
            callback = LavaCallback.Parse(body);
        }
        catch (CallbackInputException e)
        {
            LavaCallbackLog.Refused(logger, id, e.Message);
            throw ApiException.BadRequest(e.Message);
        }

        if (!callback.Finished)
        {
            return ApiReply.Message($"OK: the job has not finished (status {callback.Status}); nothing to record", StatusCodes.Status202Accepted);
        }

        var labs = user.FindAll(LabTokenHandler.LabClaim).Select(c => c.Value).ToList();
        MaestroNode? node;
        try
        {
            node = await maestro.GetNodeAsync(id, cancellationToken) ?? throw ApiException.NotFound($"node_id: node {id} not found");
        }
        catch (MaestroClientException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw ApiException.NotFound($"node_id: node {id} not found");
        }
        catch (Exception e) when (Transient.Is(e, cancellationToken))
        {
            // Maestro is down: LAVA never sends a callback twice, so it is kept and the worker checks the node later.
            node = null;
        }

        if (node is not null)
        {
            // Only a lab's job gets a callback; results written over a checkout or a build would corrupt its tree.
            if (node.Kind != "job")
            {
                throw ApiException.BadRequest($"node_id: node {id} is a {node.Kind}, not a lab's job");
            }

            if (node.Data["runtime"]?.ToString() is { Length: > 0 } runtime && !labs.Contains(runtime))
            {
                throw new ApiException(StatusCodes.Status401Unauthorized, $"Unauthorized: node {id} ran in lab {runtime}, not {string.Join(", ", labs)}");
            }

            if (node.State == "done")
            {
                return ApiReply.Message($"OK: node {id} is already done; nothing changed", StatusCodes.Status202Accepted);
            }
        }

        var lab = node?.Data["runtime"]?.ToString() is { Length: > 0 } r ? r : labs[0];
        // A pull lab's result ends its worker's claim: no lease runs out on a job that reported (docs/labs.md).
        if (http.RequestServices.GetService(typeof(Runtimes.PullLabs.PullResults)) is Runtimes.PullLabs.PullResults pull)
        {
            await pull.ReportedAsync(id, CancellationToken.None);
        }

        var stored = await store.AddAsync(id, lab, Encoding.UTF8.GetBytes(body.ToJsonString()), CancellationToken.None);
        LavaCallbackLog.Stored(logger, stored, id, lab, callback.JobId);
        signal.Notify();
        return ApiReply.Message("OK", StatusCodes.Status202Accepted);
    }
}
