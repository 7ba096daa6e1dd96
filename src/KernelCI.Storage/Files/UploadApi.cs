using KernelCI.Storage.Auth;
using KernelCI.Storage.Backends;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace KernelCI.Storage.Files;

/// <summary>kernelci-storage's upload contract: multipart `path` plus `file0..N`, plain-text replies.</summary>
internal static class UploadApi
{
    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/checkauth", CheckAuth).WithMetadata(new AuthProbe()).WithSummary("200 `Authorized: EMAIL` for a valid token, else 401");
        endpoints.MapPost("/v1/file", Upload).DisableAntiforgery().WithSummary("Store the multipart file parts file0..N under `path`");
        endpoints.MapPost("/upload", Upload).DisableAntiforgery().WithSummary("Alias of /v1/file, as kernelci-core posts");
        return endpoints;
    }

    public static ContentHttpResult CheckAuth(Uploader uploader) => TypedResults.Text($"Authorized: {uploader.Email}");

    /// <summary>Refusals (<see cref="UploadRejectedException"/>, a malformed body) become their replies in
    /// <see cref="StorageErrorFilter"/>.</summary>
    public static async Task<Results<Ok, ContentHttpResult>> Upload(HttpContext http, Uploader uploader, UploadWriter writer, UploadSpool spool)
    {
        var email = uploader.Email;
        // RFC 2046 allows 1 to 70 characters.
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Length is 0 or > 70)
        {
            return TypedResults.Text("Malformed multipart upload: expected multipart/form-data with a boundary", statusCode: 400);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var contentType = http.Request.Headers["Content-Type-Upstream"].ToString();
        if (contentType.Length > 0 && !MediaTypeHeaderValue.TryParse(contentType, out _))
        {
            return TypedResults.Text("Content-Type-Upstream is not a media type", statusCode: 400);
        }

        // Parsed on the request's pipe: file parts go from Kestrel's buffers to the temp file without a copy.
        using var reader = new MultipartPipeReader(http.Request.BodyReader, HeaderUtilities.RemoveQuotes(type.Boundary).ToString());
        var body = new MultipartPartBody(reader);
        string? path = null;
        var stored = 0;
        var early = new List<(string Name, string File)>();
        try
        {
            while (await reader.NextPartAsync(http.RequestAborted) is { } part)
            {
                if (!ContentDispositionHeaderValue.TryParse(part.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                if (name == "path" && fileName.Length == 0)
                {
                    path = await new StreamReader(new LimitedStream(new UploadBodyStream(body), 4096, "the path field")).ReadToEndAsync(http.RequestAborted);
                    foreach (var (spooledName, file) in early)
                    {
                        await using var content = File.OpenRead(file);
                        using var spooled = new StreamUploadBody(content);
                        await writer.WriteAsync(email, path, spooledName, spooled, contentType, http.RequestAborted);
                        stored++;
                    }

                    early.Clear();
                }
                else if (UploadWriter.IsFilePart(name))
                {
                    if (disposition.FileName.Length == 0 && !disposition.FileNameStar.HasValue)
                    {
                        return TypedResults.Text($"the {name} part has no filename", statusCode: 400);
                    }

                    if (path is null)
                    {
                        early.Add((fileName, await spool.SaveAsync(new UploadBodyStream(body), writer.MaxFileBytes, http.RequestAborted)));
                        continue;
                    }

                    await writer.WriteAsync(email, path, fileName, body, contentType, http.RequestAborted);
                    stored++;
                }
            }
        }
        finally
        {
            spool.Delete(early.Select(e => e.File));
        }

        return stored > 0 || early.Count > 0
            ? (early.Count > 0 ? TypedResults.Text("No path field in upload", statusCode: 400) : TypedResults.Ok())
            : TypedResults.Text("No file0 field in upload", statusCode: 400);
    }
}
