using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Pipeline.Api;

/// <summary>What every developer request starts from: the caller (checked for the endpoint's permission), the JSON
/// body, and the pipeline's configuration, Maestro client and clock.</summary>
internal sealed record ApiRequest(ApiUser User, JsonObject Body, PipelineConfig Config, MaestroClient Maestro, DateTime Now)
{
    public static async Task<ApiRequest> ReadAsync(HttpContext http, string permission)
    {
        var user = ApiAuth.Require(http, permission);
        var services = http.RequestServices;
        return new ApiRequest(
            user,
            await ApiInput.ReadAsync(http.Request, http.RequestAborted),
            services.GetRequiredService<PipelineConfig>(),
            services.GetRequiredService<MaestroClient>(),
            services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
    }
}
