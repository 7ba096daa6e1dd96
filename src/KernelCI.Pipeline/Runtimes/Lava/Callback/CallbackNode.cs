namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>A child of the job node made from a callback: a suite or test set (kind job) or a case (kind test).</summary>
internal sealed record CallbackNode(string Name, string Kind, string? Result, IReadOnlyList<CallbackNode> Children)
{
    public static CallbackNode Test(string name, string result) => new(name, "test", result, []);
}
