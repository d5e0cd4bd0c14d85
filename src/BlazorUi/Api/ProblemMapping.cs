using System.Text.Json;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Gan;
using GanRsSandbox.Ml.Models;
using GanRsSandbox.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace GanRsSandbox.BlazorUi.Api;

/// <summary>
/// Turns every error the API can meet into an RFC 7807 problem: the sandbox's own errors keep their kind and field,
/// bad bodies and oversize uploads are the client's fault, and a cluster that does not answer is a 503, never a stack trace.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            logger.LogError(exception, "Unexpected error in {Method} {Path}", context.Request.Method, context.Request.Path);
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Describe(Exception exception)
    {
        switch (exception)
        {
            case SandboxException sandbox:
                var problem = new ProblemDetails
                {
                    Status = sandbox.Kind switch
                    {
                        SandboxErrorKind.NotFound => StatusCodes.Status404NotFound,
                        SandboxErrorKind.Conflict => StatusCodes.Status409Conflict,
                        SandboxErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                        SandboxErrorKind.BadGateway => StatusCodes.Status502BadGateway,
                        _ => StatusCodes.Status400BadRequest,
                    },
                    Title = sandbox.Kind switch
                    {
                        SandboxErrorKind.NotFound => "Not found",
                        SandboxErrorKind.Conflict => "Not possible yet",
                        SandboxErrorKind.Forbidden => "Not allowed",
                        SandboxErrorKind.BadGateway => "Download failed",
                        _ => "Invalid request",
                    },
                    Detail = ErrorText.ForClient(sandbox.Message),
                };
                if (sandbox.Field is not null)
                {
                    problem.Extensions["field"] = sandbox.Field;
                }
                return problem;
            case UploadTooLargeException tooLarge:
                return new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = "Upload too large", Detail = ErrorText.ForClient(tooLarge.Message) };
            case BadHttpRequestException { InnerException: JsonException { Path: { Length: > 2 } path } json } when UnknownName(json) is { } names:
            {
                // An engine enum the body misspells: name the field and what it accepts, not the .NET type.
                var field = path.TrimStart('$', '.');
                var invalid = new ProblemDetails
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = "Invalid request",
                    Detail = $"{field}: not a known value ({names})",
                };
                invalid.Extensions["field"] = field;
                return invalid;
            }
            case BadHttpRequestException bad:
                return new ProblemDetails
                {
                    Status = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                    Title = "Invalid request",
                    // The JSON reader's message names the field and position ("Path: $.users | LineNumber: 0").
                    Detail = bad.InnerException is { } inner ? $"{bad.Message} {inner.Message}" : bad.Message,
                };
            case TimeoutException or Orleans.Runtime.OrleansException or Orleans.Runtime.SiloUnavailableException or OperationCanceledException:
                return new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Cluster unavailable",
                    // The first line only: Orleans puts whole remote stack traces into its messages.
                    Detail = $"the silo did not answer ({exception.GetType().Name}); is it running? {ErrorText.ForClient(exception.Message)}",
                };
            default:
                return new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Unexpected error", Detail = exception.GetType().Name };
        }
    }

    /// <summary>The names an engine enum accepts, when the JSON error is about one of them.</summary>
    private static string? UnknownName(JsonException json) => json.Message switch
    {
        var m when m.Contains(typeof(BaselineKind).FullName!, StringComparison.Ordinal) => NamedValues.Listed<BaselineKind>(),
        var m when m.Contains(typeof(GanrsVariant).FullName!, StringComparison.Ordinal) => NamedValues.Listed<GanrsVariant>(),
        var m when m.Contains(typeof(EvaluationProtocol).FullName!, StringComparison.Ordinal) => NamedValues.Listed<EvaluationProtocol>(),
        _ => null,
    };
}
