using System.Text.Json;
using KernelCI.Pipeline.Api;
using KernelCI.ServiceDefaults.Labs;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Pipeline.Labs;

/// <summary>`GET /api/labs` and `GET /api/labs/{name}`: the lab view as JSON, snake_case as the rest of the API
/// (docs/labs.md, the lab view).</summary>
internal static class LabEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<IResult> ListAsync(ILabView view, HttpContext http) =>
        Results.Json(new { labs = await view.LabsAsync(http.RequestAborted) }, Json);

    public static async Task<IResult> GetAsync(string name, ILabView view, HttpContext http) =>
        Results.Json(await view.LabAsync(name, http.RequestAborted)
            ?? throw ApiException.NotFound($"name: no lab named '{ApiInput.Shorten(name)}' (a runtime of lab_type lava or pull_labs)"), Json);
}
