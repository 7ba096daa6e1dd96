using System.Globalization;

namespace KernelCI.Pipeline.Services.Regressions;

/// <summary>The number of the last KCIDB regression change made into a node, in a file of the pipeline's work folder,
/// replaced atomically. Saved after the change's node is written, so a crash between the two writes the node again
/// (the write is an upsert): a change is never lost, at worst applied twice.</summary>
internal sealed class RegressionCursor(string path)
{
    public long Load()
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        var text = File.ReadAllText(path).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"{path}: not a regression feed cursor ('{text}'); remove it to read the feed from its start");
    }

    public void Save(long value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(value.ToString(CultureInfo.InvariantCulture));
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
