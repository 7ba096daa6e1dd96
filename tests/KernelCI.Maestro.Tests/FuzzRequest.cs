using System.Text;

namespace KernelCI.Maestro.Tests;

/// <summary>One generated request of <see cref="MaestroFuzz"/>; printed in full when it gets a 5xx.</summary>
internal sealed record FuzzRequest(string Method, string Path, string? Token, FuzzBody? Body)
{
    public HttpRequestMessage Build()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body.Bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", Body.ContentType);
        }

        return request;
    }

    public override string ToString() =>
        $"{Method} {Shorten(Path)} token={Shorten(Token ?? "none")} body={(Body is null ? "none" : Body.ContentType + " " + Shorten(Encoding.UTF8.GetString(Body.Bytes)))}";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + $"…({text.Length})";
}
