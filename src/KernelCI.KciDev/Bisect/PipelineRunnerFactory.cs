using KernelCI.Client.Bisection;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Bisect;

/// <summary>The production step runner: the instance's pipeline API for checkouts and its Maestro API for the events.</summary>
internal static class PipelineRunnerFactory
{
    public static IBisectStepRunner Create(CommandSession session, BisectState state, BisectPrinter printer)
    {
        var instance = session.RequireInstance();
        CommandSession.Require(instance, instance.Pipeline, "pipeline");
        CommandSession.Require(instance, instance.Api, "api");
        throw new CliException("bisect: the pipeline step runner is not wired yet");
    }
}
