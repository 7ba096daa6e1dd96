namespace KernelCI.Bench.KcidbIngest.Dataset;

/// <summary>A suite's tests are `Prefix.&lt;leaf&gt;`, leaves grouped <see cref="GroupSize"/> to a sub-suite when set.</summary>
internal sealed record TestSuite(string Prefix, string Leaf, string Source, int GroupSize = 0)
{
    public string PathOf(int ordinal) => GroupSize > 0
        ? $"{Prefix}.group_{ordinal / GroupSize}.{Leaf}_{ordinal % GroupSize}"
        : $"{Prefix}.{Leaf}_{ordinal}";
}
