using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace KernelCI.Storage.Backends;

/// <summary>Azure Storage SharedKey authorization (service version 2015-02-21 and later).</summary>
internal sealed class AzureRequestSigner(string account, byte[] key)
{
    public void Sign(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        var content = request.Content?.Headers;
        var length = content?.ContentLength is > 0 ? content.ContentLength.Value.ToString(CultureInfo.InvariantCulture) : "";
        var text = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Join(content?.ContentEncoding)).Append('\n')
            .Append(Join(content?.ContentLanguage)).Append('\n')
            .Append(length).Append('\n')
            .Append('\n') // Content-MD5
            .Append(content?.ContentType?.ToString() ?? "").Append('\n')
            .Append('\n') // Date: x-ms-date is used instead
            .Append('\n') // If-Modified-Since
            .Append(request.Headers.IfMatch.Count > 0 ? request.Headers.IfMatch.ToString() : "").Append('\n')
            .Append('\n') // If-None-Match
            .Append('\n') // If-Unmodified-Since
            .Append('\n'); // Range: x-ms-range is used instead
        foreach (var header in request.Headers
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value).Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            text.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        text.Append('/').Append(account).Append(uri.AbsolutePath);
        var query = HttpUtility.ParseQueryString(uri.Query);
        foreach (var name in query.AllKeys.Where(k => k is not null).Select(k => k!).OrderBy(k => k.ToLowerInvariant(), StringComparer.Ordinal))
        {
            text.Append('\n').Append(name.ToLowerInvariant()).Append(':').Append(query[name]);
        }

        var signature = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString())));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {account}:{signature}");
    }

    private static string Join(ICollection<string>? values) => values is null || values.Count == 0 ? "" : string.Join(",", values);
}
