using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KernelCI.Dashboard.Web.Shared;

/// <summary>How a page endpoint answers: a Razor component rendered on the server (static rendering: no circuit, no
/// WebAssembly) with its model as the `Model` parameter, or the error page with its status.</summary>
internal static class PageResults
{
    public static IResult Page<TPage>(object model, int statusCode = StatusCodes.Status200OK) where TPage : IComponent =>
        new RazorComponentResult<TPage>(new { Model = model }) { StatusCode = statusCode };

    public static IResult Error(int statusCode, string message) =>
        new RazorComponentResult<ErrorPage>(new { Status = statusCode, Message = message }) { StatusCode = statusCode };

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, message);
}
