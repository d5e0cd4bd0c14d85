using GanRsSandbox.Ml.Data;
using GanRsSandbox.BlazorUi.Features;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Catalog;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Figures;
using GanRsSandbox.Shared;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace GanRsSandbox.BlazorUi.Api;

/// <summary>The REST API (README, REST API). Work that takes long answers 202 with the job and its Location.</summary>
public static class SandboxApi
{
    public const string UploadPolicy = "uploads";
    public const string ApiPolicy = "api";

    public static IEndpointRouteBuilder MapSandboxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireRateLimiting(ApiPolicy);

        api.MapGet("/catalog", (EngineCatalog catalog) => catalog).WithTags("Catalog")
            .WithSummary("Model kinds, variants, protocols, and every option's default and bounds, as the engine defines them");

        var datasets = api.MapGroup("/datasets").WithTags("Datasets");
        datasets.MapPost("/", UploadAsync).DisableAntiforgery().RequireRateLimiting(UploadPolicy)
            .Accepts<IFormFile>("multipart/form-data")
            .WithSummary("Import a ratings file, streamed (multipart: file or serverPath; optional name, format, scale, implicit, duplicates)")
            .Produces<DatasetInfo>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        datasets.MapPost("/demo", async (DemoRequest? request, IDatasetService service) =>
        {
            var created = await service.CreateDemoAsync(request?.Name ?? "demo", request?.Seed ?? 1);
            return Results.Created($"/api/datasets/{created.Id}", created);
        }).WithSummary("Create the built-in, procedurally generated demo source").Produces<DatasetInfo>(StatusCodes.Status201Created);
        datasets.MapPost("/download", async (DownloadRequest request, IDatasetService service, HttpContext http) =>
            {
                var release = Parsed<MovieLensRelease>(request.Release ?? "", "release");
                var created = await service.DownloadAsync(release, request.Name, cancellationToken: http.RequestAborted);
                return Results.Created($"/api/datasets/{created.Id}", created);
            }).RequireRateLimiting(UploadPolicy)
            .WithSummary("Fetch a MovieLens release from GroupLens (ml-100k, ml-1m, ml-latest-small, ml-25m), verify its SHA-256 and import it; research use only, see the catalog's downloadLicence")
            .Produces<DatasetInfo>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status502BadGateway);
        datasets.MapGet("/server-files", (IDatasetService service) => service.ServerFilesAsync())
            .WithSummary("The files under the silos' import folder (Sandbox:ImportFolder) that POST /api/datasets takes as serverPath; 403 when it is off")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        datasets.MapGet("/", (IDatasetService service) => service.ListAsync()).WithSummary("All datasets, newest first");
        datasets.MapGet("/{id}", (string id, IDatasetService service) => service.GetAsync(id))
            .WithSummary("One dataset with its statistics, lineage and (synthetic) fidelity report").ProducesProblem(StatusCodes.Status404NotFound);
        datasets.MapDelete("/{id}", async (string id, IDatasetService service) =>
        {
            await service.DeleteAsync(id);
            return Results.NoContent();
        }).WithSummary("Delete a dataset and the models trained on it").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        datasets.MapPut("/{id}/users-file", async (string id, string? fileName, HttpRequest http, IDatasetService service) =>
                await service.AttachUsersAsync(id, fileName ?? "users.csv", await SideInfoBodyAsync(http)))
            .WithSummary("Join side information about the users to the dataset: the body is u.user, users.dat or a CSV with a header (user id first), fileName names it in errors; the categorical attributes' groups (users, shares, rating histograms) appear in stats.groups")
            .Produces<DatasetInfo>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        datasets.MapPut("/{id}/items-file", async (string id, string? fileName, HttpRequest http, IDatasetService service) =>
                await service.AttachItemsAsync(id, fileName ?? "items.csv", await SideInfoBodyAsync(http)))
            .WithSummary("Join side information about the items to the dataset: the body is u.item, movies.dat or a CSV with a header (item id first, | between labels); the genres' groups (items, shares, rating histograms) appear in stats.itemGroups")
            .Produces<DatasetInfo>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        datasets.MapGet("/{id}/users", (string id, int? offset, int? count, IDatasetService service) =>
            service.UsersAsync(id, offset ?? 0, count ?? 100)).WithSummary("User ids of a dataset, in file order");
        datasets.MapGet("/{id}/users/{user}/ratings", (string id, string user, IDatasetService service) => service.KnownRatingsAsync(id, user))
            .WithSummary("A user's known ratings");

        var generators = api.MapGroup("/generators").WithTags("Generators");
        generators.MapPost("/", async (GeneratorRequest request, IGeneratorService service) => Accepted(await service.TrainAsync(request)))
            .WithSummary("Train a GANRS generator on a source dataset").Produces<JobInfo>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        generators.MapGet("/", (IGeneratorService service) => service.ListAsync());
        generators.MapGet("/{id}", (string id, IGeneratorService service) => service.GetAsync(id)).ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/synthetic", async (SyntheticRequest request, IDatasetService service) => Accepted(await service.CreateSyntheticAsync(request)))
            .WithTags("Datasets").WithSummary("Sample a synthetic dataset from a trained generator; the job's resultId is the new dataset")
            .Produces<JobInfo>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        datasets.MapGet("/{id}/figure.{format}", async (string id, string format, string? protocol, double? threshold, FigureService figures) =>
            {
                var (bytes, type) = await figures.DatasetAsync(id, Parsed<EvaluationProtocol>(protocol ?? EvaluationProtocols.Scored[0].Name(), "protocol"),
                    threshold ?? throw SandboxException.Invalid("threshold", "threshold: the query parameter threshold is required"), Parsed<FigureFormat>(format, "format"));
                return Results.File(bytes, type, $"{id}.{format}");
            })
            .WithSummary("F1, precision and recall against N of the newest model of each kind on the dataset: png (300 dpi) or svg")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        datasets.MapGet("/{id}/export", async (string id, string? format, IDatasetService service) =>
            {
                var chosen = Parsed<ExportFormat>(format ?? ExportFormat.Csv.Name(), "format");
                var bytes = await service.ExportAsync(id, chosen);
                return Results.File(bytes, chosen.ContentType(), id + chosen.Extension());
            })
            .WithSummary("The dataset as csv (user,item,rating), recbole (.inter) or parquet, with its original ids")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var models = api.MapGroup("/models").WithTags("Models");
        models.MapPost("/", async (ModelRequest request, IModelService service) => Accepted(await service.TrainAsync(request)))
            .WithSummary("Train and evaluate a baseline on a dataset").Produces<JobInfo>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        models.MapGet("/", (IModelService service) => service.ListAsync());
        models.MapGet("/{id}", (string id, IModelService service) => service.GetAsync(id))
            .WithSummary("Status, RMSE/MAE and the precision/recall/F1 curves").ProducesProblem(StatusCodes.Status404NotFound);
        models.MapDelete("/{id}", async (string id, IModelService service) =>
        {
            await service.DeleteAsync(id);
            return Results.NoContent();
        }).ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{id}/predictions", async (string id, IModelService service) =>
                Results.File(await service.PredictionsAsync(id), "application/zip", $"{id}.predictions.zip"))
            .WithSummary("The test-set predictions (MODEL.predictions.csv: user,item,rating,score,prediction) and top-N lists (MODEL.top-n.csv: user,rank,item,score,rating) the curves were computed from, as a zip")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        models.MapGet("/{id}/recommendations", (string id, string? user, int? n, IModelService service) =>
            string.IsNullOrEmpty(user)
                ? throw SandboxException.Invalid("user", "user: the query parameter user is required (a user id from the dataset's file)")
                : service.RecommendAsync(id, user, n ?? 10))
            .WithSummary("Live top-N: the n best items the user has not rated (n 1 to 1000, default 10)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var experiments = api.MapGroup("/experiments").WithTags("Experiments");
        experiments.MapPost("/", async (ExperimentRequest request, IExperimentService service) => Accepted(await service.StartAsync(request)))
            .WithSummary("Run the paper's grid for a source (preset quick or paper; optional sampleScale, iterations, epochs)")
            .Produces<JobInfo>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        experiments.MapGet("/", (IExperimentService service) => service.ListAsync());
        experiments.MapGet("/{id}", (string id, IExperimentService service) => service.GetAsync(id))
            .WithSummary("The grid so far: datasets, cells, trends and ranking agreement").ProducesProblem(StatusCodes.Status404NotFound);
        experiments.MapGet("/{id}/files/{name}", async (string id, string name, IExperimentService service) =>
            Results.File(await service.FileAsync(id, name), name.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv"
                : name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/markdown", name))
            .WithSummary("results.csv, results.json or report.md of a finished grid")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        experiments.MapGet("/{id}/figures/{dataset}.{format}", async (string id, string dataset, string format, FigureService figures) =>
            {
                var (bytes, type) = await figures.ExperimentAsync(id, dataset, Parsed<FigureFormat>(format, "format"));
                return Results.File(bytes, type, $"{dataset}.{format}");
            })
            .WithSummary("One dataset of the grid: F1, precision and recall against N per model, png (300 dpi) or svg")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);

        var jobs = api.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/", (IJobService service) => service.ListAsync()).WithSummary("All jobs, newest first");
        jobs.MapGet("/{id}", (string id, IJobService service) => service.GetAsync(id)).ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapDelete("/{id}", async (string id, IJobService service) => Results.Accepted($"/api/jobs/{id}", await service.CancelAsync(id)))
            .WithSummary("Cancel a job; it ends cancelled once its work has stopped")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static IResult Accepted(JobInfo job) => Results.Accepted($"/api/jobs/{job.Id}", job);

    private static T Parsed<T>(string text, string field) where T : struct, Enum =>
        NamedValues.TryParse<T>(text, out var value) ? value : throw SandboxException.Invalid(field, $"{field}: '{text}' is not one of {NamedValues.Listed<T>()}");

    /// <summary>The longest text field an upload form may carry (name, format, scale, serverPath).</summary>
    private const int MaxFieldBytes = 4096;

    /// <summary>The most parts an upload form may have: a file and a handful of fields.</summary>
    private const int MaxParts = 32;

    /// <summary>
    /// Reads the form as a stream, part by part: the file goes to the silo chunk by chunk as it arrives, so the web host
    /// never holds it, and the text fields may come before or after it.
    /// </summary>
    private static async Task<IResult> UploadAsync(HttpRequest request, IDatasetService service, IOptions<ApiLimits> limits)
    {
        var max = limits.Value.MaxUploadBytes;
        if (request.ContentLength > max + ApiLimits.MultipartOverhead)
        {
            throw new UploadTooLargeException(max);
        }
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !"multipart/form-data".Equals(mediaType.MediaType.Value, StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            throw SandboxException.Invalid("file", "send the ratings file as multipart/form-data with a part named file (or a field serverPath)");
        }
        var reader = new MultipartReader(boundary, request.Body) { HeadersLengthLimit = MaxFieldBytes };
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? sentTo = null;
        string? fileName = null;
        var parts = 0;
        try
        {
            while (await ReadSectionAsync(reader, request.HttpContext.RequestAborted) is { } section)
            {
                if (++parts > MaxParts)
                {
                    throw SandboxException.Invalid("file", $"an upload form may have at most {MaxParts} parts");
                }
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || disposition.Name.Value is not { } part)
                {
                    continue;
                }
                part = HeaderUtilities.RemoveQuotes(part).Value!;
                if (disposition.IsFileDisposition() && part == "file")
                {
                    if (sentTo is not null)
                    {
                        throw SandboxException.Invalid("file", "file: send one file per upload");
                    }
                    fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value);
                    try
                    {
                        sentTo = await service.SendAsync(section.Body, request.ContentLength, cancellationToken: request.HttpContext.RequestAborted);
                    }
                    catch (IOException e) when (e is not BadHttpRequestException)
                    {
                        throw SandboxException.Invalid("file", $"file: the upload ended before the file did ({e.Message})");
                    }
                }
                else if (!disposition.IsFileDisposition())
                {
                    fields[part] = await ReadFieldAsync(section, part);
                }
            }
            var serverPath = fields.GetValueOrDefault("serverPath") is { Length: > 0 } path ? path : null;
            if (sentTo is null && serverPath is null)
            {
                throw SandboxException.Invalid("file", "file: the multipart part named file is missing (or give serverPath, a file in the silos' import folder)");
            }
            if (sentTo is not null && serverPath is not null)
            {
                throw SandboxException.Invalid("serverPath", "serverPath: give a file or a serverPath, not both");
            }
            var shownName = serverPath is null ? (string.IsNullOrEmpty(fileName) ? "upload" : fileName) : Path.GetFileName(serverPath);
            var created = await service.ImportAsync(new DatasetUpload
            {
                Name = fields.GetValueOrDefault("name") is { Length: > 0 } name ? name : shownName,
                FileName = serverPath is null ? shownName : serverPath,
                Format = fields.GetValueOrDefault("format") is { Length: > 0 } format ? format : "auto",
                Scale = fields.GetValueOrDefault("scale"),
                Implicit = fields.GetValueOrDefault("implicit") is "true" or "on" or "1",
                ServerPath = serverPath,
                Duplicates = fields.GetValueOrDefault("duplicates") is { Length: > 0 } policy ? Parsed<DuplicatePolicy>(policy, "duplicates") : DuplicatePolicy.Reject,
            }, sentTo);
            sentTo = null;
            return Results.Created($"/api/datasets/{created.Id}", created);
        }
        finally
        {
            if (sentTo is not null)
            {
                // The form was bad after its file arrived: the silo drops the bytes now, not at the next sweep.
                await service.DiscardAsync(sentTo);
            }
        }
    }

    private static async Task<MultipartSection?> ReadSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        // Kestrel's own "body too large" is an IOException too; it stays a 413.
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            throw SandboxException.Invalid("file", $"the multipart body is malformed or ended early: {e.Message}");
        }
    }

    private static async Task<string> ReadFieldAsync(MultipartSection section, string part)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var read = await section.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false);
        return read > MaxFieldBytes
            ? throw SandboxException.Invalid(part, $"{part}: a form field may hold at most {MaxFieldBytes:N0} bytes")
            : System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    /// <summary>A side-information file sent as the request body, refused past its bound without reading the rest.</summary>
    private static async Task<byte[]> SideInfoBodyAsync(HttpRequest http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await http.Body.ReadAsync(chunk, http.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > IDatasetGrain.MaxSideInfoFileBytes)
            {
                throw SandboxException.Invalid("file", $"file: a side-information file must hold at most {IDatasetGrain.MaxSideInfoFileBytes:N0} bytes");
            }
        }
        return buffer.ToArray();
    }
}

public sealed record DemoRequest(string? Name, int? Seed);

/// <summary>An upload over <see cref="ApiLimits.MaxUploadBytes"/>: HTTP 413.</summary>
public sealed class UploadTooLargeException(long limit)
    : Exception($"the upload is larger than the limit of {limit / (1024.0 * 1024):0.#} MiB (Api:MaxUploadBytes)");
