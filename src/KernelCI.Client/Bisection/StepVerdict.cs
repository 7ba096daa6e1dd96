namespace KernelCI.Client.Bisection;

/// <summary>What one bisection step says of a commit, as `git bisect good|bad|skip` takes it (upstream's child exit
/// codes 0/1/2, kernelci/kci-dev:kcidev/subcommands/bisect.py).</summary>
public enum StepVerdict
{
    Good,
    Bad,
    Skip,
}
