using System.Text;

namespace KernelCI.ServiceDefaults.Metrics;

public abstract class Metric(string name, string help, string type)
{
    public string Name { get; } = name;

    internal void Render(StringBuilder text)
    {
        text.Append("# HELP ").Append(Name).Append(' ').Append(help).Append('\n');
        text.Append("# TYPE ").Append(Name).Append(' ').Append(type).Append('\n');
        RenderSamples(text);
    }

    protected abstract void RenderSamples(StringBuilder text);
}
