using GanRsSandbox.Ml.Data;
using GanRsSandbox.BlazorUi.Features;
using GanRsSandbox.Ml;
using GanRsSandbox.Ml.Catalog;
using GanRsSandbox.Ml.Evaluation;
using GanRsSandbox.Ml.Figures;
using GanRsSandbox.Shared;
using Microsoft.AspNetCore.Http.Features;
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
            .WithSummary("Import a ratings file (multipart: file, name, optional format: auto, u.data, ratings.dat or csv)")
            .Produces<DatasetInfo>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        datasets.MapPost("/demo", async (DemoRequest? request, IDatasetService service) =>
        {
            var created = await service.CreateDemoAsync(request?.Name ?? "demo", request?.Seed ?? 1);
            return Results.Created($"/api/datasets/{created.Id}", created);
        }).WithSummary("Create the built-in, procedurally generated demo source").Produces<DatasetInfo>(StatusCodes.Status201Created);
        datasets.MapGet("/", (IDatasetService service) => service.ListAsync()).WithSummary("All datasets, newest first");
        datasets.MapGet("/{id}", (string id, IDatasetService service) => service.GetAsync(id))
            .WithSummary("One dataset with its statistics, lineage and (synthetic) fidelity report").ProducesProblem(StatusCodes.Status404NotFound);
        datasets.MapDelete("/{id}", async (string id, IDatasetService service) =>
        {
            await service.DeleteAsync(id);
            return Results.NoContent();
        }).WithSummary("Delete a dataset and the models trained on it").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
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

    private static async Task<IResult> UploadAsync(HttpRequest request, IDatasetService service, IOptions<ApiLimits> limits)
    {
        var max = limits.Value.MaxUploadBytes;
        if (request.ContentLength > max + ApiLimits.MultipartOverhead)
        {
            throw new UploadTooLargeException(max);
        }
        if (!request.HasFormContentType)
        {
            throw SandboxException.Invalid("file", "send the ratings file as multipart/form-data with a part named file");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = max + ApiLimits.MultipartOverhead });
        }
        catch (InvalidDataException)
        {
            throw new UploadTooLargeException(max);
        }
        var file = form.Files.GetFile("file") ?? throw SandboxException.Invalid("file", "file: the multipart part named file is missing");
        if (file.Length > max)
        {
            throw new UploadTooLargeException(max);
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content);
        }
        var fileName = Path.GetFileName(file.FileName);
        var created = await service.ImportAsync(new DatasetUpload
        {
            Name = form["name"].FirstOrDefault() is { Length: > 0 } name ? name : fileName,
            FileName = string.IsNullOrEmpty(fileName) ? "upload" : fileName,
            Format = form["format"].FirstOrDefault() ?? "auto",
            Scale = form["scale"].FirstOrDefault(),
            Implicit = form["implicit"].FirstOrDefault() is { } flag && (flag == "true" || flag == "on" || flag == "1"),
            Content = content,
        });
        return Results.Created($"/api/datasets/{created.Id}", created);
    }
}

public sealed record DemoRequest(string? Name, int? Seed);

/// <summary>An upload over <see cref="ApiLimits.MaxUploadBytes"/>: HTTP 413.</summary>
public sealed class UploadTooLargeException(long limit)
    : Exception($"the upload is larger than the limit of {limit / (1024.0 * 1024):0.#} MiB (Api:MaxUploadBytes)");
