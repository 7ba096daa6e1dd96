using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Labs;

namespace KernelCI.Pipeline.Tests.Labs;

/// <summary>A lab kind "fake" answering as the test says, counting how often it was asked.</summary>
internal sealed class FakeLabKind(Func<CancellationToken, Task<IReadOnlyList<LabDevice>?>> answer) : ILabKind
{
    public int Asked { get; private set; }

    public string LabType => "fake";

    public Task<IReadOnlyList<LabDevice>?> DevicesAsync(RuntimeConfig lab, CancellationToken cancellationToken)
    {
        Asked++;
        return answer(cancellationToken);
    }
}
