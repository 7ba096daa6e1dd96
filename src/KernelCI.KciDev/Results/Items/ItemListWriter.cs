using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Items;

/// <summary>Prints a list as its items arrive, so a list of any length runs in constant memory: text item by item, the
/// JSON array written incrementally, or only the count (`{"count":N}` with --json, as upstream).</summary>
internal sealed class ItemListWriter(KciConsole console, bool json, bool count)
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private bool _opened;

    public int Count { get; private set; }

    public async Task AddAsync(Func<JsonObject> jsonShape, Action printText)
    {
        Count++;
        if (count)
        {
            return;
        }

        if (!json)
        {
            printText();
            return;
        }

        await console.Out.WriteAsync(_opened ? "," : "[");
        _opened = true;
        await console.Out.WriteAsync(jsonShape().ToJsonString(Options));
    }

    public async Task FinishAsync()
    {
        if (count)
        {
            await console.Out.WriteLineAsync(json ? $"{{\"count\":{Count}}}" : Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else if (json)
        {
            await console.Out.WriteLineAsync(_opened ? "]" : "[]");
        }

        await console.Out.FlushAsync();
    }
}
