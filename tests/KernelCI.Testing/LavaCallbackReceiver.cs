using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace KernelCI.Testing;

/// <summary>One HTTP request LAVA made to a job's notify callback.</summary>
public sealed record LavaCallback(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>A local endpoint for LAVA's notify callbacks (storage-and-lava.md B.7 is their shape): records each
/// request, answers 200, and hands the requests to waiters by path. LAVA posts from the same machine.</summary>
public sealed class LavaCallbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<LavaCallback>> _byPath = new();

    private LavaCallbackReceiver(int port)
    {
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _ = ServeAsync();
    }

    public Uri Url { get; }

    public static LavaCallbackReceiver Start() => new(FreePort.BasePort());

    /// <summary>The first callback to <paramref name="path"/> (for example "/node/abc").</summary>
    public async Task<LavaCallback> WaitAsync(string path, TimeSpan timeout) =>
        await Slot(path).Task.WaitAsync(timeout);

    public void Dispose() => _listener.Close();

    private TaskCompletionSource<LavaCallback> Slot(string path) =>
        _byPath.GetOrAdd(path, _ => new TaskCompletionSource<LavaCallback>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var request = context.Request;
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            context.Response.StatusCode = 200;
            context.Response.Close();
            Slot(request.Url!.AbsolutePath).TrySetResult(new LavaCallback(request.HttpMethod, request.Url.AbsolutePath, headers, body));
        }
    }
}
