namespace GanRsSandbox.Ml.Progress;

/// <summary>The stages of getting a file into the sandbox, spelled once for the engine, the web host and the pages.</summary>
public static class StageNames
{
    /// <summary>Fetching a well-known dataset from its publisher; steps are bytes.</summary>
    public const string Download = "download";

    /// <summary>A file travelling from the web host to the silo that will parse it; steps are bytes.</summary>
    public const string Upload = "upload";

    /// <summary>A ratings file being parsed; steps are bytes read of its length.</summary>
    public const string Import = "import";

    /// <summary>A parsed dataset being written to the artifact store.</summary>
    public const string Store = "store";
}
