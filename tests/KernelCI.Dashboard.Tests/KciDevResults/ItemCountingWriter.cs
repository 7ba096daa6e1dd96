using System.Text;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>An output that keeps nothing: it counts the JSON items written (each arrives in one write) and the characters.</summary>
internal sealed class ItemCountingWriter : TextWriter
{
    public int Items { get; private set; }

    public long Characters { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Characters++;

    public override void Write(string? value)
    {
        Characters += value?.Length ?? 0;
        if (value?.StartsWith("{\"test_path\":", StringComparison.Ordinal) == true)
        {
            Items++;
        }
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }
}
