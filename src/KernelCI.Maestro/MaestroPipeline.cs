using KernelCI.Maestro.Users.Auth;
using Microsoft.AspNetCore.Builder;

namespace KernelCI.Maestro;

/// <summary>Maestro's request pipeline before its endpoints: request guards, the version prefix, routing and the
/// route groups' authorization. Refusals anywhere become `{"detail"}` through <see cref="MaestroExceptionHandler"/>.</summary>
internal static class MaestroPipeline
{
    public static WebApplication UseMaestroMiddleware(this WebApplication app)
    {
        app.UseMiddleware<MaestroExceptionHandler>();
        app.Use(InputGuard.RefuseLargeBody);
        app.UseMiddleware<VersionPrefix>();
        app.UseMiddleware<InputGuard>();
        app.UseRouting();
        app.UseAuthorization();
        return app;
    }
}
