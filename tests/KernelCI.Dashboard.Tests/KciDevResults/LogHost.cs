using System.IO.Compression;
using System.Net;
using System.Text;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Stands in for the seeds' log hosts `storage.example` and `storage.example.org`: each path answers its gzipped text ("log of PATH"),
/// except paths containing `missing` (404) and `plain` (not gzipped); every other host goes to <c>inner</c>.</summary>
internal sealed class LogHost(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public static string Text(string path) => "log of " + path + "\n";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (!uri.Host.StartsWith("storage.example", StringComparison.Ordinal))
        {
            return base.SendAsync(request, cancellationToken);
        }

        if (uri.AbsolutePath.Contains("missing", StringComparison.Ordinal))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        var text = Encoding.UTF8.GetBytes(Text(uri.AbsolutePath));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(uri.AbsolutePath.Contains("plain", StringComparison.Ordinal) ? text : Gzip(text)),
        });
    }

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}
