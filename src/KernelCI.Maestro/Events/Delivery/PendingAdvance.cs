namespace KernelCI.Maestro.Events.Delivery;

/// <summary>A long poll waiting for its cursor to be advanced in the next group statement.</summary>
internal sealed class PendingAdvance(CursorRequest request, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<CursorDelivery?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public CursorRequest Request => request;

    /// <summary>A poll whose client has gone is left out of the statement, so no event is handed to nobody.</summary>
    public bool IsAbandoned => cancellationToken.IsCancellationRequested;

    public Task<CursorDelivery?> Completion => _completion.Task;

    public void Complete(CursorDelivery? delivery) => _completion.TrySetResult(delivery);

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    public void Abandon() => _completion.TrySetCanceled(cancellationToken);
}
