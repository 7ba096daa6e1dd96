namespace KernelCI.Maestro.Events.Subscriptions;

/// <summary>A cursor over one channel of the event log. <see cref="Acked"/> is what the subscriber has confirmed by
/// polling again (or with `ack`); <see cref="Delivered"/> is the last event handed out, re-sent if the subscriber never came back for more. <see cref="User"/> is the owner's current name (the owner
/// filter of events); ownership is <see cref="UserId"/>, null for a subscription whose user was gone before ids were kept.</summary>
internal sealed record Subscription(long Id, string? SubscriberId, string Channel, string User, bool Promiscuous, long Acked, long Delivered, string Created, string? LastPoll,
    string? UserId);
