using KernelCI.Dashboard.Http;
using KernelCI.Dashboard.Web.Shared;
using KernelCI.ServiceDefaults;
using KernelCI.ServiceDefaults.Labs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace KernelCI.Dashboard.Web.Labs;

/// <summary>`/labs` and `/labs/{name}`: the pipeline's lab view (docs/labs.md, the lab view), read in process from the
/// pipeline component of the same host (<see cref="LocalServices"/>). A host without the pipeline says that labs are
/// not configured here; a lab view that fails (Maestro down) is shown as a message, never an error page.</summary>
internal static class LabPages
{
    public static RouteGroupBuilder MapLabPages(this RouteGroupBuilder pages)
    {
        pages.MapGet("/labs", ListingAsync);
        pages.MapGet("/labs/{name}", DetailsAsync);
        return pages;
    }

    private static Task<IResult> ListingAsync(LocalServices local, CancellationToken cancellationToken) =>
        ShowAsync(local, null, cancellationToken);

    private static Task<IResult> DetailsAsync(string name, LocalServices local, CancellationToken cancellationToken)
    {
        var lab = Uri.UnescapeDataString(name);
        if (lab.Length > 200 || lab.Any(char.IsControl))
        {
            throw new BadParameterException("name", "a lab name is at most 200 characters without control characters");
        }

        return ShowAsync(local, lab, cancellationToken);
    }

    private static async Task<IResult> ShowAsync(LocalServices local, string? name, CancellationToken cancellationToken)
    {
        if (local.Find<ILabView>() is not { } view)
        {
            return PageResults.Page<LabsPage>(LabsView.NotConfigured with { Single = name });
        }

        try
        {
            if (name is null)
            {
                return PageResults.Page<LabsPage>(new LabsView(true, await view.LabsAsync(cancellationToken)));
            }

            return await view.LabAsync(name, cancellationToken) is { } lab
                ? PageResults.Page<LabsPage>(new LabsView(true, [lab], name))
                : PageResults.NotFound($"No lab {name}.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return PageResults.Page<LabsPage>(new LabsView(true, [], name, $"The lab view could not be read: {e.Message}"),
                StatusCodes.Status502BadGateway);
        }
    }
}
