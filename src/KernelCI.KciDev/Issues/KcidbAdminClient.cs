using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Submit;

namespace KernelCI.KciDev.Issues;

/// <summary>Our KCIDB listener's own routes beside /submit (`known-issues/`, `regressions/{id}/mark`), with the submitter
/// token `submit` uses (<see cref="KcidbTarget"/>): a refusal is one line with KCIDB's message, which names the field.</summary>
internal sealed class KcidbAdminClient(HttpClient http, string token)
{
    /// <summary>The flags, else KCIDB_REST, else the config file; the routes are beside the submit URL.</summary>
    public static KcidbAdminClient Create(CommandSession session, KcidbFlags flags)
    {
        var target = KcidbTarget.Resolve(session, session.Value(flags.Url), session.Value(flags.Token));
        return new KcidbAdminClient(session.CreateHttpClient(new Uri(target.Url, "./"), TimeSpan.FromSeconds(60)), target.Token);
    }

    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CliException($"could not reach KCIDB at {http.BaseAddress}: {e.Message}");
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var json = text.Length == 0 ? null : TryParse(text);
            if (!response.IsSuccessStatusCode)
            {
                var message = (json as JsonObject)?["message"]?.GetValue<string>() ?? response.ReasonPhrase ?? "";
                throw new CliException($"KCIDB answered {(int)response.StatusCode}: {message}");
            }

            return json;
        }
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
