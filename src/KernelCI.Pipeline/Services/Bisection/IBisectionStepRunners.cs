using KernelCI.Client.Bisection;

namespace KernelCI.Pipeline.Services.Bisection;

/// <summary>Makes the step runner of a bisection: the pipeline's own (<see cref="PipelineBisectionStepRunners"/>), or a
/// test's fake.</summary>
internal interface IBisectionStepRunners
{
    IBisectStepRunner Create(BisectionPlan plan);
}
