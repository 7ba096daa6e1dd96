using System.CommandLine;

namespace KernelCI.Bench;

/// <summary>One benchmark that `./bench.sh NAME` runs; it parses its own options.</summary>
internal interface IScenario
{
    string Name { get; }

    string Description { get; }

    Command CreateCommand(TextWriter output);
}
