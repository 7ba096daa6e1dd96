using System.Diagnostics.Metrics;

namespace KernelCI.Pipeline;

/// <summary>The pipeline's metrics, on the "KernelCI.Pipeline" meter of the host's IMeterFactory (docs/pipeline.md
/// lists them): events each event loop handled or skipped after a failure, jobs started per runtime, and nodes the
/// timeout service moved.</summary>
public sealed class PipelineMetrics
{
    public const string MeterName = "KernelCI.Pipeline";

    private readonly Counter<long> _eventsHandled;
    private readonly Counter<long> _eventFailures;
    private readonly Counter<long> _jobsStarted;
    private readonly Counter<long> _nodesMoved;

    public PipelineMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _eventsHandled = meter.CreateCounter<long>("pipeline_events_handled_total", description: "Events a service's handler completed");
        _eventFailures = meter.CreateCounter<long>("pipeline_event_failures_total",
            description: "Events skipped after their handler failed with other than a transient error");
        _jobsStarted = meter.CreateCounter<long>("pipeline_jobs_started_total", description: "Jobs the scheduler submitted to a runtime");
        _nodesMoved = meter.CreateCounter<long>("pipeline_timeout_nodes_moved_total",
            description: "Nodes the timeout, holdoff and closing sweeps moved to another state");
    }

    /// <param name="service">The event loop's name: the service, or `scheduler-retry` for the scheduler's retry channel.</param>
    public void EventHandled(string service) => _eventsHandled.Add(1, new KeyValuePair<string, object?>("service", service));

    public void EventFailed(string service) => _eventFailures.Add(1, new KeyValuePair<string, object?>("service", service));

    public void JobStarted(string runtime) => _jobsStarted.Add(1, new KeyValuePair<string, object?>("runtime", runtime));

    /// <param name="mode">`timeout`, `holdoff` or `closing`.</param>
    /// <param name="state">The state the node was moved to.</param>
    public void NodeMoved(string mode, string state) =>
        _nodesMoved.Add(1, new KeyValuePair<string, object?>("mode", mode), new KeyValuePair<string, object?>("state", state));
}
