using System.Text;

namespace KernelCI.Maestro;

/// <summary>Statements and their parameters gathered from several stores, to be sent in one round trip.</summary>
internal sealed class SqlText
{
    public StringBuilder Text { get; } = new();

    public List<KeyValuePair<string, object?>> Parameters { get; } = [];

    public SqlText Add(string name, object? value)
    {
        Parameters.Add(new(name, value));
        return this;
    }
}
