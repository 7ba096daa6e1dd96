using System.Net;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>A body that sends its first bytes and then nothing for <paramref name="pause"/>, as a trickling client.</summary>
internal sealed class SlowContent(string start, TimeSpan pause) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(start));
        await stream.FlushAsync();
        try
        {
            await Task.Delay(pause);
        }
        catch (TaskCanceledException)
        {
        }

        await stream.WriteAsync("}"u8.ToArray());
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
