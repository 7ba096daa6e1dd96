using System.Text;

namespace KernelCI.Kcidb.Schema.Validation;

/// <summary>The state of one validation: where it is in the document, and what it found so far.</summary>
internal sealed class ValidationContext(int maxErrors = ValidationContext.DefaultMaxErrors)
{
    public const int DefaultMaxErrors = 100;

    private readonly List<string> errors = [];
    private string?[] names = new string?[16];
    private int[] indexes = new int[16];
    private int depth;
    private bool truncated;
    private char[] buffer = new char[256];

    /// <summary>Whether an error was already dropped for lack of room, so checking further is pointless.</summary>
    public bool IsFull => truncated;

    public IReadOnlyList<string> Errors =>
        truncated ? [.. errors, $"too many errors: stopped after {maxErrors}"] : errors;

    public void PushName(string name)
    {
        Grow();
        names[depth] = name;
        depth++;
    }

    public void PushIndex(int index)
    {
        Grow();
        names[depth] = null;
        indexes[depth] = index;
        depth++;
    }

    public void Pop() => depth--;

    public void Report(string message)
    {
        if (errors.Count >= maxErrors)
        {
            truncated = true;
            return;
        }

        errors.Add(depth == 0 ? message : CurrentPath() + ": " + message);
    }

    /// <summary>A scratch buffer for decoding strings, so that checking a value allocates nothing.</summary>
    public char[] Buffer(int length)
    {
        if (buffer.Length < length)
        {
            buffer = new char[Math.Max(length, buffer.Length * 2)];
        }

        return buffer;
    }

    private string CurrentPath()
    {
        var path = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            if (names[i] is { } name)
            {
                path.Append(path.Length == 0 ? "" : ".").Append(name);
            }
            else
            {
                path.Append('[').Append(indexes[i]).Append(']');
            }
        }

        return path.ToString();
    }

    private void Grow()
    {
        if (depth == names.Length)
        {
            Array.Resize(ref names, depth * 2);
            Array.Resize(ref indexes, depth * 2);
        }
    }
}
