using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace KernelCI.Storage.Files;

/// <summary>Puts <see cref="DownloadFastPath"/> in front of every middleware the host adds.</summary>
internal sealed class DownloadFastPathFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<DownloadFastPath>();
        next(app);
    };
}
