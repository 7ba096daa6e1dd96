using KernelCI.Client.Bisection;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Bisect;

/// <summary>Makes the step runner of a bisection from the command's session and the bisection's state (its job and
/// platform filters and test); tests give their own.</summary>
internal delegate IBisectStepRunner StepRunnerFactory(CommandSession session, BisectState state, BisectPrinter printer);
