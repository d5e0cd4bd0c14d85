namespace GanRsSandbox.Shared;

[GenerateSerializer, Alias("ganrs.SandboxErrorKind")]
public enum SandboxErrorKind
{
    /// <summary>A parameter or a file is wrong: HTTP 400.</summary>
    Invalid = 0,
    /// <summary>No such dataset, generator, model, job or user: HTTP 404.</summary>
    NotFound = 1,
    /// <summary>The thing exists but is not in a state that allows this yet: HTTP 409.</summary>
    Conflict = 2,
    /// <summary>The request is well formed but this sandbox does not allow it (a file outside the import folder): HTTP 403.</summary>
    Forbidden = 3,
    /// <summary>A server outside the sandbox (a dataset's publisher) failed or sent something other than expected: HTTP 502.</summary>
    BadGateway = 4,
}
