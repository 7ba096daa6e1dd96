using System.Collections.Concurrent;
using KernelCI.Storage.Auth;
using KernelCI.Storage.Backends;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace KernelCI.Storage.Files;

/// <summary>`POST /v1/archive`: multipart `path` plus `archive`, unpacked server side into `path/ENTRY`.</summary>
internal static class ArchiveApi
{
    public static IEndpointRouteBuilder MapArchives(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/archive", Upload).DisableAntiforgery().WithSummary("Unpack a tar, tar.gz, tar.xz or tar.zst archive under `path`");
        return endpoints;
    }

    /// <summary>Refusals are mapped by <see cref="StorageErrors"/>, as everywhere, but answered in upstream's archive JSON.</summary>
    public static async Task<JsonHttpResult<ArchiveReply>> Upload(HttpContext http, Uploader uploader,
        UploadWriter writer, UploadSpool spool, ArchiveUnpacker unpacker, StorageErrors errors, ILogger<UploadWriter> logger)
    {
        var email = uploader.Email;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        string? path = null, fileName = null, archive = null;
        IReadOnlyList<ArchiveEntry> entries = [];
        try
        {
            if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) || HeaderUtilities.RemoveQuotes(type.Boundary).Length == 0)
            {
                throw new UploadRejectedException(400, "Malformed multipart upload: expected multipart/form-data with a boundary");
            }

            var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).ToString(), http.Request.Body);
            while (await reader.NextAsync(http.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                if (name == "path")
                {
                    path = await new StreamReader(new LimitedStream(section.Body, 4096, "the path field")).ReadToEndAsync(http.RequestAborted);
                }
                else if (name == "archive" && archive is null)
                {
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
                    if (!ArchiveFormat.IsSupported(fileName))
                    {
                        throw new UploadRejectedException(400, "Unsupported archive type: use .tar, .tar.gz/.tgz, .tar.xz/.txz or .tar.zst/.tzst");
                    }

                    archive = await spool.SaveAsync(section.Body, writer.MaxFileBytes, http.RequestAborted);
                }
            }

            if (archive is null)
            {
                throw new UploadRejectedException(400, "No archive field in upload");
            }

            if (!StorageKey.TryPrefix(path, out var prefix, out var error))
            {
                throw new UploadRejectedException(400, error);
            }

            prefix = prefix.TrimEnd('/');
            writer.EnsureAllowed(email, prefix);
            entries = await unpacker.UnpackAsync(archive, fileName!, http.RequestAborted);
            // Each name was checked alone; under the prefix it may pass the key's length bounds.
            foreach (var entry in entries)
            {
                if (!StorageKey.TryNormalise(KeyOf(prefix, entry), out _, out var keyError))
                {
                    throw new UploadRejectedException(400, $"Archive rejected: {EntryNames.Quote(entry.Name)}: {keyError}");
                }
            }

            var (reply, failedStatus) = await StoreAsync(writer, errors, email, prefix, entries, http.RequestAborted);
            StorageLog.ArchiveStored(logger, prefix, reply.Uploaded, reply.Failed, reply.Bytes);
            return TypedResults.Json(reply, statusCode: reply.Status == "ok" ? 200 : failedStatus);
        }
        catch (Exception e) when (errors.TryMap(e, http.Request.Path, out var error))
        {
            return TypedResults.Json(ArchiveReply.Error(path ?? "", error.Message), statusCode: error.Status);
        }
        finally
        {
            spool.Delete([.. entries.Select(e => e.SpoolPath), .. archive is null ? Array.Empty<string>() : [archive]]);
        }
    }

    private static string KeyOf(string prefix, ArchiveEntry entry) => prefix.Length == 0 ? entry.Name : prefix + "/" + entry.Name;

    /// <summary>The reply, and the HTTP status if anything failed: upstream's 500 when the backend failed (clients
    /// retry it), else the clients' own mistake's 4xx (a key under a stored file, no permission), which a retry
    /// would only repeat.</summary>
    private static async Task<(ArchiveReply Reply, int FailedStatus)> StoreAsync(UploadWriter writer, StorageErrors errors, string email, string prefix,
        IReadOnlyList<ArchiveEntry> entries, CancellationToken cancellationToken)
    {
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentQueue<int>();
        long bytes = 0;
        var uploaded = 0;
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (entry, token) =>
        {
            var key = KeyOf(prefix, entry);
            try
            {
                await using var file = File.OpenRead(entry.SpoolPath);
                using var content = new StreamUploadBody(file);
                Interlocked.Add(ref bytes, await writer.WriteKeyAsync(email, key, content, "", long.MaxValue, token));
                Interlocked.Increment(ref uploaded);
            }
            catch (Exception e) when (errors.TryMap(e, key, out var error))
            {
                failures.Enqueue($"{key}: {error.Message}");
                statuses.Enqueue(error.Status);
            }
        });
        var status = failures.IsEmpty ? "ok" : uploaded > 0 ? "partial_failure" : "error";
        var failedStatus = statuses.Any(s => s >= 500) ? 500 : statuses.DefaultIfEmpty(500).Max();
        return (new ArchiveReply(status, uploaded, failures.Count, bytes, prefix, [.. failures]), failedStatus);
    }
}
