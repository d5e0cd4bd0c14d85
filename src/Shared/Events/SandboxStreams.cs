namespace GanRsSandbox.Shared;

/// <summary>The one stream every change in the sandbox is published on.</summary>
public static class SandboxStreams
{
    /// <summary>The stream provider's name, on silos and on the web host.</summary>
    public const string Provider = "sandbox";

    /// <summary>Where the stream provider keeps who listens; the silos' grain storage, so that listeners outlive a silo restart.</summary>
    public const string SubscriptionStore = "PubSubStore";

    /// <summary>The stream's namespace and key (<c>StreamId.Create(Namespace, Key)</c>).</summary>
    public const string Namespace = "sandbox";

    public const string Key = "events";
}
