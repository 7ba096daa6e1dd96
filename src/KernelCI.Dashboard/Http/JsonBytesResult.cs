using Microsoft.AspNetCore.Http;

namespace KernelCI.Dashboard.Http;

/// <summary>A JSON answer already in memory, sent in one write with its Content-Length (the issue listing's kept
/// answers, docs/dashboard-api.md "The listing's cache").</summary>
internal sealed class JsonBytesResult(byte[] body, string contentType) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }
}
